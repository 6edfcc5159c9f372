/* Blocking: the fuzzy candidates of a query and their verified distances (the Python twin:
 * toponym/index/blocking.py, PyBlocking): segment probes, bloom filter, directory, posting lists
 * and the character-mask filter, then the optimal string alignment distance of each candidate. */
#include "common.h"

typedef struct {
    PyObject_HEAD
    Py_buffer hashes, refs, masks, directory, bloom;
    StringTableObject *keys; /* the key table: fuzzy positions are its leading rows */
    int shift;
} BlockingObject;

static void
Blocking_dealloc(BlockingObject *self)
{
    PyBuffer_Release(&self->hashes);
    PyBuffer_Release(&self->refs);
    PyBuffer_Release(&self->masks);
    PyBuffer_Release(&self->directory);
    PyBuffer_Release(&self->bloom);
    Py_XDECREF(self->keys);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Blocking_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"hashes", "refs", "masks", "directory", "bloom", "shift", "keys", NULL};
    PyObject *hashes, *refs, *masks, *directory, *bloom, *keys;
    int shift;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOOOOiO!:Blocking", kwlist, &hashes, &refs, &masks, &directory,
                                     &bloom, &shift, &StringTableType, &keys))
        return NULL;
    BlockingObject *self = (BlockingObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    Py_buffer *views[] = {&self->hashes, &self->refs, &self->masks, &self->directory};
    PyObject *objs[] = {hashes, refs, masks, directory};
    const char *names[] = {"hashes", "refs", "masks", "directory"};
    int got = 0;
    for (; got < 4; got++)
        if (get_items(objs[got], views[got], 4, 0, names[got]) < 0)
            break;
    if (got == 4 && PyObject_GetBuffer(bloom, &self->bloom, PyBUF_SIMPLE) == 0) {
        Py_ssize_t n = self->hashes.len / 4;
        Py_ssize_t nmasks = self->masks.len / 4;
        if (shift >= 8 && shift <= 24 && self->refs.len == self->hashes.len && nmasks <= ((StringTableObject *)keys)->count &&
            self->directory.len / 4 == ((Py_ssize_t)1 << (32 - shift)) + 1 && self->bloom.len == BLOOM_BYTES) {
            const uint32_t *dir = (const uint32_t *)self->directory.buf;
            const uint32_t *ref = (const uint32_t *)self->refs.buf;
            int ok = 1;
            for (Py_ssize_t b = 0; b < self->directory.len / 4 && ok; b++)
                ok = dir[b] <= (uint32_t)n && (b == 0 || dir[b] >= dir[b - 1]);
            for (Py_ssize_t r = 0; r < n && ok; r++)
                ok = (Py_ssize_t)ref[r] < nmasks;
            if (ok) {
                self->shift = shift;
                self->keys = (StringTableObject *)Py_NewRef(keys);
                return (PyObject *)self;
            }
        }
        PyBuffer_Release(&self->bloom);
        PyErr_SetString(PyExc_ValueError, "inconsistent fuzzy blocking tables");
    }
    for (int k = 0; k < got; k++)
        PyBuffer_Release(views[k]);
    Py_TYPE(self)->tp_free((PyObject *)self);
    return NULL;
}

static inline Py_ssize_t
put_utf8(unsigned char *out, Py_UCS4 ch)
{
    if (ch < 0x80) {
        out[0] = (unsigned char)ch;
        return 1;
    }
    if (ch < 0x800) {
        out[0] = (unsigned char)(0xC0 | (ch >> 6));
        out[1] = (unsigned char)(0x80 | (ch & 0x3F));
        return 2;
    }
    if (ch < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (ch >> 12));
        out[1] = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (ch & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (ch >> 18));
    out[1] = (unsigned char)(0x80 | ((ch >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (ch & 0x3F));
    return 4;
}

/* Parse (key, plan, max_edits) as both methods take them. */
static int
blocking_args(PyObject *const *args, Py_ssize_t nargs, const char *usage, long *max_edits)
{
    if (nargs != 3 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, usage);
        return -1;
    }
    *max_edits = PyLong_AsLong(args[2]);
    if (*max_edits == -1 && PyErr_Occurred())
        return -1;
    Py_ssize_t utf8_len;
    if (PyUnicode_AsUTF8AndSize(args[0], &utf8_len) == NULL) /* a lone surrogate fails as .encode() does */
        return -1;
    if (PyUnicode_GET_LENGTH(args[0]) > MAX_KEY) {
        PyErr_SetString(PyExc_ValueError, "key too long for fuzzy blocking");
        return -1;
    }
    return 0;
}

/* How many steps ahead the candidate loops fetch what they will read. */
#define AHEAD 6

/* Has x more than k bits set? k clears of the lowest set bit: no popcount call where the
 * compiler may not assume the instruction. */
static inline int
more_bits(uint32_t x, long k)
{
    for (long i = 0; i < k && x; i++)
        x &= x - 1;
    return x != 0;
}

/* The fuzzy-list positions that may lie within max_edits of key (blocking.PyBlocking.candidates):
 * every probe of the plan (bytes of (seed, start, end, swap) quadruples, blocking.packed_plan)
 * looked up, the runs gathered, the character-mask filter applied, first occurrences kept in
 * order. Returns a PyMem array (NULL and an exception on error), its length in *count. */
static uint32_t *
gather(BlockingObject *self, PyObject *key, PyObject *plan_obj, long max_edits, Py_ssize_t *count)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(key);
    Py_buffer plan;
    *count = 0;
    if (PyObject_GetBuffer(plan_obj, &plan, PyBUF_SIMPLE) < 0)
        return NULL;
    if (plan.len % 16 != 0) {
        PyBuffer_Release(&plan);
        PyErr_SetString(PyExc_ValueError, "plan must hold int32 quadruples");
        return NULL;
    }
    int kind = PyUnicode_KIND(key);
    const void *data = PyUnicode_DATA(key);
    const int32_t *steps = (const int32_t *)plan.buf;
    Py_ssize_t nsteps = plan.len / 16;
    const uint32_t *hashes = (const uint32_t *)self->hashes.buf, *dir = (const uint32_t *)self->directory.buf;
    const unsigned char *bloom = (const unsigned char *)self->bloom.buf;
    unsigned char piece[4 * MAX_KEY + 8];

    /* runs of the sorted hash array that hold a probe's hash */
    Py_ssize_t *run_lo = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(2 * nsteps + 2)), nruns = 0, total = 0;
    if (run_lo == NULL) {
        PyBuffer_Release(&plan);
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t *run_hi = run_lo + nsteps + 1;
    /* the probes' hashes are computed first and their bloom bytes fetched, then tested: the
     * bloom filter and the directory are read at random, so the reads are overlapped */
    uint32_t *probe = PyMem_Malloc(sizeof(uint32_t) * (size_t)(nsteps + 1));
    if (probe == NULL) {
        PyBuffer_Release(&plan);
        PyMem_Free(run_lo);
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t s = 0; s < nsteps; s++) {
        int32_t seed = steps[4 * s], start = steps[4 * s + 1], end = steps[4 * s + 2], swap = steps[4 * s + 3];
        if (start < 0 || end > n || start > end || (swap < 0 && start < 1)) {
            PyBuffer_Release(&plan);
            PyMem_Free(run_lo);
            PyMem_Free(probe);
            PyErr_SetString(PyExc_ValueError, "probe outside the key");
            return NULL;
        }
        Py_ssize_t len = 0;
        if (swap == 0) {
            for (int32_t c = start; c < end; c++)
                len += put_utf8(piece + len, PyUnicode_READ(kind, data, c));
        } else if (swap > 0) { /* key[start:end - 1] + key[end:end + 1] */
            for (int32_t c = start; c < end - 1; c++)
                len += put_utf8(piece + len, PyUnicode_READ(kind, data, c));
            if (end < n)
                len += put_utf8(piece + len, PyUnicode_READ(kind, data, end));
        } else { /* key[start - 1:start] + key[start + 1:end] */
            len += put_utf8(piece + len, PyUnicode_READ(kind, data, start - 1));
            for (int32_t c = start + 1; c < end; c++)
                len += put_utf8(piece + len, PyUnicode_READ(kind, data, c));
        }
        uint32_t h = crc32_update((uint32_t)seed, piece, len);
        probe[s] = h;
        PREFETCH(&bloom[h >> (BLOOM_SHIFT + 3)]);
    }
    PyBuffer_Release(&plan);
    Py_ssize_t passed = 0;
    for (Py_ssize_t s = 0; s < nsteps; s++) {
        uint32_t h = probe[s];
        if (!((bloom[h >> (BLOOM_SHIFT + 3)] >> ((h >> BLOOM_SHIFT) & 7)) & 1)) /* most probes of a garbled query end here */
            continue;
        probe[passed++] = h;
        PREFETCH(&dir[h >> self->shift]);
    }
    for (Py_ssize_t s = 0; s < passed; s++) {
        uint32_t h = probe[s];
        uint32_t b = h >> self->shift;
        Py_ssize_t lo = dir[b], hi = dir[b + 1];
        while (lo < hi) { /* bisect_left */
            Py_ssize_t mid = (lo + hi) / 2;
            if (hashes[mid] < h)
                lo = mid + 1;
            else
                hi = mid;
        }
        Py_ssize_t end_run = lo, top = dir[b + 1];
        while (end_run < top && hashes[end_run] == h)
            end_run++;
        if (end_run > lo) {
            run_lo[nruns] = lo;
            run_hi[nruns] = end_run;
            nruns++;
            total += end_run - lo;
        }
    }
    PyMem_Free(probe);
    uint32_t *out = PyMem_Malloc(sizeof(uint32_t) * (size_t)(total + 1));
    Py_ssize_t cap = 16;
    while (cap < 2 * total)
        cap <<= 1;
    uint32_t *seen = total ? PyMem_Calloc((size_t)cap, sizeof(uint32_t)) : NULL;
    if (out == NULL || (total && seen == NULL)) {
        PyMem_Free(run_lo);
        PyMem_Free(out);
        PyMem_Free(seen);
        PyErr_NoMemory();
        return NULL;
    }
    /* the character-mask filter (blocking.char_mask): at most max_edits bits missing either way */
    uint32_t mask = 0;
    for (Py_ssize_t c = 0; c < n; c++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, c);
        mask |= (ch >= 97 && ch <= 122) ? 1u << (ch - 97) : 1u << (CHAR_MASK_LETTERS + ch % CHAR_MASK_OTHER);
    }
    const uint32_t *refs = (const uint32_t *)self->refs.buf, *masks = (const uint32_t *)self->masks.buf;
    Py_ssize_t found = 0;
    for (Py_ssize_t r = 0; r < nruns; r++) {
        for (Py_ssize_t i = run_lo[r]; i < run_hi[r]; i++) {
            if (i + AHEAD < run_hi[r])
                PREFETCH(&masks[refs[i + AHEAD]]);
            uint32_t ref = refs[i], theirs = masks[ref];
            if (more_bits(theirs & ~mask, max_edits) || more_bits(mask & ~theirs, max_edits))
                continue;
            /* first occurrences in order, as dict.fromkeys keeps them: an open-addressing set of ref + 1 */
            Py_ssize_t slot = (Py_ssize_t)((ref * 2654435761u) & (uint32_t)(cap - 1));
            while (seen[slot] != 0 && seen[slot] != ref + 1)
                slot = (slot + 1) & (cap - 1);
            if (seen[slot] != 0)
                continue;
            seen[slot] = ref + 1;
            out[found++] = ref;
        }
    }
    PyMem_Free(run_lo);
    PyMem_Free(seen);
    *count = found;
    return out;
}

static PyObject *
Blocking_candidates(BlockingObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    long max_edits;
    if (blocking_args(args, nargs, "candidates(key, plan, max_edits)", &max_edits) < 0)
        return NULL;
    Py_ssize_t count;
    uint32_t *refs = gather(self, args[0], args[1], max_edits, &count);
    if (refs == NULL)
        return NULL;
    PyObject *out = PyList_New(count);
    for (Py_ssize_t i = 0; out != NULL && i < count; i++) {
        PyObject *value = PyLong_FromUnsignedLong(refs[i]);
        if (value == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, value);
    }
    PyMem_Free(refs);
    return out;
}

/* Code points of a valid UTF-8 string into out (at most cap); -1 if it is not one or too long. */
static Py_ssize_t
decode_utf8(const unsigned char *s, Py_ssize_t len, Py_UCS4 *out, Py_ssize_t cap)
{
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < len; n++) {
        if (n >= cap)
            return -1;
        unsigned char c = s[i];
        int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (extra < 0 || i + extra >= len)
            return -1;
        Py_UCS4 ch = extra == 0 ? c : extra == 1 ? c & 0x1F : extra == 2 ? c & 0x0F : c & 0x07;
        for (int k = 1; k <= extra; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return -1;
            ch = (ch << 6) | (s[i + k] & 0x3F);
        }
        out[n] = ch;
        i += extra + 1;
    }
    return n;
}

/* Optimal string alignment distance of a and b (rapidfuzz.distance.OSA), or k + 1 when it is
 * more than k: only the diagonal band |i - j| <= k is computed, every value capped at k + 1
 * (a cell off the band is at least |i - j| > k, so capping never changes a value <= k). */
static int
osa_within(const Py_UCS4 *a, Py_ssize_t n, const Py_UCS4 *b, Py_ssize_t m, int k)
{
    if (n - m > k || m - n > k)
        return k + 1;
    int rows[3][MAX_KEY + 3];
    int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    const int cap = k + 1;
    for (Py_ssize_t j = 0; j <= m; j++)
        prev[j] = j < cap ? (int)j : cap;
    for (Py_ssize_t i = 1; i <= n; i++) {
        Py_ssize_t lo = i - k > 1 ? i - k : 1, hi = i + k < m ? i + k : m;
        cur[0] = i < cap ? (int)i : cap;
        if (lo > 1)
            cur[lo - 1] = cap;
        int best = cur[0];
        for (Py_ssize_t j = lo; j <= hi; j++) {
            int v = prev[j - 1] + (a[i - 1] != b[j - 1]);
            int del = prev[j] + 1, ins = cur[j - 1] + 1;
            if (del < v)
                v = del;
            if (ins < v)
                v = ins;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v < cap ? v : cap;
            if (cur[j] < best)
                best = cur[j];
        }
        if (hi < m)
            cur[hi + 1] = cap;
        if (best >= cap) /* every alignment passes through this row (a transposition too) at more than k */
            return cap;
        int *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[m];
}

/* The query's character masks for the bit-parallel distance: bit i of mask(c) is set when
 * query[i] == c. ASCII by table, other characters by a scan of the query's distinct ones. */
typedef struct {
    uint64_t ascii[128];
    Py_UCS4 chars[64];
    uint64_t masks[64];
    int count;
} PatternMasks;

static void
pattern_masks(PatternMasks *pm, const Py_UCS4 *a, Py_ssize_t n)
{
    memset(pm->ascii, 0, sizeof(pm->ascii));
    pm->count = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = a[i];
        if (ch < 128) {
            pm->ascii[ch] |= (uint64_t)1 << i;
            continue;
        }
        int at = 0;
        while (at < pm->count && pm->chars[at] != ch)
            at++;
        if (at == pm->count) {
            pm->chars[at] = ch;
            pm->masks[at] = 0;
            pm->count++;
        }
        pm->masks[at] |= (uint64_t)1 << i;
    }
}

static inline uint64_t
mask_of(const PatternMasks *pm, Py_UCS4 ch)
{
    if (ch < 128)
        return pm->ascii[ch];
    for (int at = 0; at < pm->count; at++)
        if (pm->chars[at] == ch)
            return pm->masks[at];
    return 0;
}

/* Optimal string alignment distance of a query of 1 to 64 characters (its masks in pm) and b,
 * capped at k + 1: Hyyrö's bit-parallel algorithm (2003), one pass of word operations per
 * character of b, as rapidfuzz computes OSA; the same values as osa_within. */
static int
osa_bits(const PatternMasks *pm, Py_ssize_t n, const Py_UCS4 *b, Py_ssize_t m, int k)
{
    if (n - m > k || m - n > k)
        return k + 1;
    uint64_t vp = n == 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1, vn = 0, d0 = 0, pm_old = 0;
    const uint64_t last = (uint64_t)1 << (n - 1);
    Py_ssize_t dist = n;
    for (Py_ssize_t j = 0; j < m; j++) {
        uint64_t pm_j = mask_of(pm, b[j]);
        uint64_t tr = (((~d0) & pm_j) << 1) & pm_old;
        d0 = (((pm_j & vp) + vp) ^ vp) | pm_j | vn | tr;
        uint64_t hp = vn | ~(d0 | vp), hn = d0 & vp;
        dist += (hp & last) != 0;
        dist -= (hn & last) != 0;
        hp = (hp << 1) | 1;
        hn <<= 1;
        vp = hn | ~(d0 | hp);
        vn = hp & d0;
        pm_old = pm_j;
    }
    return dist <= k ? (int)dist : k + 1;
}

/* near(key, plan, max_edits) -> [(position, distance, length)] for the candidates within
 * max_edits of key, nearest first, ties in candidate order (blocking.PyBlocking.near). */
static PyObject *
Blocking_near(BlockingObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    long max_edits;
    if (blocking_args(args, nargs, "near(key, plan, max_edits)", &max_edits) < 0)
        return NULL;
    if (max_edits < 0 || max_edits > 8) {
        PyErr_SetString(PyExc_ValueError, "max_edits must be 0..8");
        return NULL;
    }
    Py_ssize_t count;
    uint32_t *refs = gather(self, args[0], args[1], max_edits, &count);
    if (refs == NULL)
        return NULL;
    PyObject *key = args[0];
    Py_ssize_t n = PyUnicode_GET_LENGTH(key);
    int kind = PyUnicode_KIND(key);
    const void *data = PyUnicode_DATA(key);
    Py_UCS4 query[MAX_KEY], other[MAX_KEY + 16];
    for (Py_ssize_t c = 0; c < n; c++)
        query[c] = PyUnicode_READ(kind, data, c);
    PatternMasks pm;
    int bits = n >= 1 && n <= 64; /* a query that fits one word is verified bit-parallel */
    if (bits)
        pattern_masks(&pm, query, n);
    /* hits: ref, distance, length; emitted by distance, each distance in candidate order */
    uint32_t *hit_ref = PyMem_Malloc(sizeof(uint32_t) * 3 * (size_t)(count + 1));
    if (hit_ref == NULL) {
        PyMem_Free(refs);
        return PyErr_NoMemory();
    }
    uint32_t *hit_dist = hit_ref + count + 1, *hit_len = hit_dist + count + 1;
    Py_ssize_t hits = 0;
    const uint32_t *offsets = (const uint32_t *)self->keys->offsets.buf;
    const char *blob = (const char *)self->keys->buffer.buf + self->keys->base;
    for (Py_ssize_t i = 0; i < count; i++) {
        /* the candidates lie all over the key table: fetch an offset and a key a few steps ahead */
        if (i + 2 * AHEAD < count)
            PREFETCH(&offsets[refs[i + 2 * AHEAD]]);
        if (i + AHEAD < count)
            PREFETCH(blob + offsets[refs[i + AHEAD]]);
        Py_ssize_t size;
        const char *stored = string_at(self->keys, refs[i], &size);
        if (stored == NULL || size > 4 * (MAX_KEY + 16))
            continue;
        Py_ssize_t m = decode_utf8((const unsigned char *)stored, size, other, MAX_KEY + 16);
        if (m < 0 || m > MAX_KEY)
            continue;
        int d = bits ? osa_bits(&pm, n, other, m, (int)max_edits) : osa_within(query, n, other, m, (int)max_edits);
        if (d <= max_edits) {
            hit_ref[hits] = refs[i];
            hit_dist[hits] = (uint32_t)d;
            hit_len[hits] = (uint32_t)m;
            hits++;
        }
    }
    PyMem_Free(refs);
    PyObject *out = PyList_New(hits);
    Py_ssize_t at = 0;
    for (long d = 0; out != NULL && d <= max_edits; d++) {
        for (Py_ssize_t i = 0; i < hits; i++) {
            if (hit_dist[i] != (uint32_t)d)
                continue;
            PyObject *item = Py_BuildValue("(kkk)", (unsigned long)hit_ref[i], (unsigned long)d,
                                           (unsigned long)hit_len[i]);
            if (item == NULL) {
                Py_CLEAR(out);
                break;
            }
            PyList_SET_ITEM(out, at++, item);
        }
    }
    PyMem_Free(hit_ref);
    return out;
}

static PyMethodDef Blocking_methods[] = {
    {"candidates", (PyCFunction)(void (*)(void))Blocking_candidates, METH_FASTCALL,
     "candidates(key, plan, max_edits) -> fuzzy-list positions that may lie within max_edits of key."},
    {"near", (PyCFunction)(void (*)(void))Blocking_near, METH_FASTCALL,
     "near(key, plan, max_edits) -> [(position, distance, length)] within max_edits, nearest first."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject BlockingType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "toponym._speedups.Blocking",
    .tp_basicsize = sizeof(BlockingObject),
    .tp_dealloc = (destructor)Blocking_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Blocking(hashes, refs, masks, directory, bloom, shift, keys): fuzzy candidates and their "
              "verification in C.",
    .tp_methods = Blocking_methods,
    .tp_new = Blocking_new,
};

/* ---- lookup aids ---------------------------------------------------------------------------- */

/* lookup_aids(hashes) -> (directory, bloom): toponym.index.blocking.lookup_aids, without numpy.
 * The directory holds, for each value of the top 32 - DIRECTORY_SHIFT bits, where the sorted
 * hashes of that value begin, then their count (native uint32); the bloom filter sets bit
 * (h >> BLOOM_SHIFT) of a BLOOM_BYTES map, as little-endian 32-bit words. */
static PyObject *
blocking_lookup_aids(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer view;
    if (nargs != 1) {
        PyErr_SetString(PyExc_TypeError, "lookup_aids(hashes)");
        return NULL;
    }
    if (get_items(args[0], &view, 4, 0, "hashes") < 0)
        return NULL;
    const uint32_t *hashes = (const uint32_t *)view.buf;
    Py_ssize_t n = view.len / 4, buckets = (Py_ssize_t)1 << (32 - DIRECTORY_SHIFT);
    PyObject *directory = PyBytes_FromStringAndSize(NULL, (buckets + 1) * (Py_ssize_t)sizeof(uint32_t));
    PyObject *bloom = directory != NULL ? PyBytes_FromStringAndSize(NULL, BLOOM_BYTES) : NULL;
    if (bloom == NULL) {
        Py_XDECREF(directory);
        PyBuffer_Release(&view);
        return NULL;
    }
    uint32_t *dir = (uint32_t *)PyBytes_AS_STRING(directory);
    unsigned char *bits = (unsigned char *)PyBytes_AS_STRING(bloom);
    memset(bits, 0, BLOOM_BYTES);
    Py_ssize_t at = 0;
    for (Py_ssize_t b = 0; b < buckets; b++) { /* where a sorted search for b << shift would land */
        uint64_t start = (uint64_t)b << DIRECTORY_SHIFT;
        while (at < n && hashes[at] < start)
            at++;
        dir[b] = (uint32_t)at;
    }
    dir[buckets] = (uint32_t)n;
    for (Py_ssize_t i = 0; i < n; i++) {
        uint32_t bit = hashes[i] >> BLOOM_SHIFT;
        bits[bit >> 3] |= (unsigned char)(1u << (bit & 7));
    }
    PyBuffer_Release(&view);
    return Py_BuildValue("(NN)", directory, bloom);
}

PyMethodDef blocking_functions[] = {
    {"lookup_aids", (PyCFunction)(void (*)(void))blocking_lookup_aids, METH_FASTCALL,
     "lookup_aids(hashes) -> (directory, bloom): the blocking's lookup aids (toponym.index.blocking)."},
    {NULL, NULL, 0, NULL},
};
