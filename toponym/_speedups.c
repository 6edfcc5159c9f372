/* Optional compiled hot paths of toponym's index; pure-Python twins in index.py and model.py.
 *
 * Each function here has a Python implementation that is the reference: the tests run both on
 * the same inputs and require identical results (tests/test_speedups.py). Without a C compiler
 * the package builds without this module and uses the Python code; nothing else changes.
 *
 *   StringTable  one blob of newline-ended UTF-8 strings with their offsets, and optionally the
 *                open-addressing hash table over them (index.py: _Strings, _Keys.index_of)
 *   Blocking     fuzzy blocking: segment probes, bloom filter, directory, posting lists and the
 *                character-mask filter (index.py: Index.fuzzy_candidates), then the optimal
 *                string alignment distance of each candidate (Index.fuzzy_near)
 *   SlotMaker    a positional constructor of a slotted class (model.py: _slot_constructor)
 *   ExactPath    a query that is a stored spelling, answered from the compiled defaults
 *                (resolve.py: Resolver._fast)
 */
/* Raised whenever a signature or a meaning here changes; _accel.py refuses any other value. */
#define SPEEDUPS_API 3

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <stdint.h>
#include <string.h>

/* ---- CRC-32, the polynomial and conventions of zlib.crc32 ---------------------------------- */

static uint32_t crc_table[256];

static void
crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static inline uint32_t
crc32_update(uint32_t crc, const unsigned char *p, Py_ssize_t n)
{
    crc = ~crc;
    while (n-- > 0)
        crc = crc_table[(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

/* A read-only buffer of itemsize-byte items (array, numpy array, cast memoryview) holding at
 * least count of them: a TypeError for the wrong kind of buffer, a ValueError for too few items. */
static int
get_items(PyObject *obj, Py_buffer *view, Py_ssize_t itemsize, Py_ssize_t count, const char *what)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        return -1;
    if (view->itemsize != itemsize || view->len % itemsize != 0) {
        PyErr_Format(PyExc_TypeError, "%s must be a buffer of %zd-byte items", what, itemsize);
        PyBuffer_Release(view);
        return -1;
    }
    if (view->len / itemsize < count) {
        PyErr_Format(PyExc_ValueError, "%s must hold %zd items", what, count);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* ---- StringTable ---------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_buffer buffer;  /* the whole index (a memory map or bytes) */
    Py_buffer offsets; /* uint32: start of each string relative to base, then the end */
    Py_buffer slots;   /* uint32 hash table, or len 0 */
    Py_ssize_t base;
    Py_ssize_t count;
    uint32_t mask;
    int row_bits;
    int has_slots;
} StringTableObject;

static void
StringTable_dealloc(StringTableObject *self)
{
    PyBuffer_Release(&self->buffer);
    PyBuffer_Release(&self->offsets);
    if (self->has_slots)
        PyBuffer_Release(&self->slots);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
StringTable_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"buffer", "base", "offsets", "slots", "row_bits", NULL};
    PyObject *buffer, *offsets, *slots = Py_None;
    Py_ssize_t base;
    int row_bits = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OnO|Oi:StringTable", kwlist, &buffer, &base, &offsets, &slots,
                                     &row_bits))
        return NULL;
    StringTableObject *self = (StringTableObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    if (PyObject_GetBuffer(buffer, &self->buffer, PyBUF_SIMPLE) < 0) {
        Py_TYPE(self)->tp_free((PyObject *)self);
        return NULL;
    }
    if (get_items(offsets, &self->offsets, 4, 0, "offsets") < 0) {
        PyBuffer_Release(&self->buffer);
        Py_TYPE(self)->tp_free((PyObject *)self);
        return NULL;
    }
    self->base = base;
    self->count = self->offsets.len / 4 - 1;
    if (slots != Py_None) {
        if (get_items(slots, &self->slots, 4, 0, "slots") < 0) {
            PyBuffer_Release(&self->buffer);
            PyBuffer_Release(&self->offsets);
            Py_TYPE(self)->tp_free((PyObject *)self);
            return NULL;
        }
        self->has_slots = 1;
        Py_ssize_t size = self->slots.len / 4;
        if (size == 0 || (size & (size - 1)) != 0 || row_bits < 1 || row_bits > 31) {
            Py_DECREF(self);
            PyErr_SetString(PyExc_ValueError, "slots must be a power-of-two table and row_bits in 1..31");
            return NULL;
        }
        self->mask = (uint32_t)(size - 1);
        self->row_bits = row_bits;
    }
    const uint32_t *off = (const uint32_t *)self->offsets.buf;
    if (self->count < 0 || base < 0 || base + (Py_ssize_t)off[self->count] > self->buffer.len) {
        Py_DECREF(self);
        PyErr_SetString(PyExc_ValueError, "string offsets run past the end of the buffer");
        return NULL;
    }
    return (PyObject *)self;
}

/* Bytes of string i (without its newline), or NULL if the offsets are corrupt. */
static inline const char *
string_at(StringTableObject *self, Py_ssize_t i, Py_ssize_t *size)
{
    const uint32_t *off = (const uint32_t *)self->offsets.buf;
    uint32_t start = off[i], end = off[i + 1];
    if (end <= start || (Py_ssize_t)end > self->buffer.len - self->base)
        return NULL;
    *size = (Py_ssize_t)(end - start - 1);
    return (const char *)self->buffer.buf + self->base + start;
}

static Py_ssize_t table_find(StringTableObject *self, const char *raw, Py_ssize_t len);

static PyObject *
StringTable_row(StringTableObject *self, PyObject *key)
{
    if (!self->has_slots) {
        PyErr_SetString(PyExc_TypeError, "this StringTable has no hash table");
        return NULL;
    }
    if (!PyUnicode_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "key must be str");
        return NULL;
    }
    Py_ssize_t len;
    const char *raw = PyUnicode_AsUTF8AndSize(key, &len);
    if (raw == NULL)
        return NULL;
    return PyLong_FromSsize_t(table_find(self, raw, len));
}

static PyObject *
StringTable_equals(StringTableObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "equals(i, text) takes a row and a str");
        return NULL;
    }
    Py_ssize_t i = PyLong_AsSsize_t(args[0]);
    if (i == -1 && PyErr_Occurred())
        return NULL;
    if (i < 0 || i >= self->count) {
        PyErr_SetString(PyExc_IndexError, "string row out of range");
        return NULL;
    }
    Py_ssize_t len, size;
    const char *raw = PyUnicode_AsUTF8AndSize(args[1], &len);
    if (raw == NULL)
        return NULL;
    const char *stored = string_at(self, i, &size);
    if (stored != NULL && size == len && memcmp(stored, raw, (size_t)len) == 0)
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

static PyMethodDef StringTable_methods[] = {
    {"row", (PyCFunction)StringTable_row, METH_O, "row(key) -> the row of key in the hash table, or -1."},
    {"equals", (PyCFunction)(void (*)(void))StringTable_equals, METH_FASTCALL,
     "equals(i, text) -> whether string i is text."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject StringTableType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "toponym._speedups.StringTable",
    .tp_basicsize = sizeof(StringTableObject),
    .tp_dealloc = (destructor)StringTable_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "StringTable(buffer, base, offsets, slots=None, row_bits=0): strings in a blob, looked up in C.",
    .tp_methods = StringTable_methods,
    .tp_new = StringTable_new,
};

/* ---- Blocking ------------------------------------------------------------------------------- */

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
            self->directory.len / 4 == ((Py_ssize_t)1 << (32 - shift)) + 1 && self->bloom.len == (1 << 21)) {
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

#define MAX_KEY 1024

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

/* The fuzzy-list positions that may lie within max_edits of key (index.Index.fuzzy_candidates):
 * every probe of the plan (bytes of (seed, start, end, swap) quadruples, index._packed_plan)
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
    for (Py_ssize_t s = 0; s < nsteps; s++) {
        int32_t seed = steps[4 * s], start = steps[4 * s + 1], end = steps[4 * s + 2], swap = steps[4 * s + 3];
        if (start < 0 || end > n || start > end || (swap < 0 && start < 1)) {
            PyBuffer_Release(&plan);
            PyMem_Free(run_lo);
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
        if (!((bloom[h >> 11] >> ((h >> 8) & 7)) & 1)) /* most probes of a garbled query end here */
            continue;
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
    PyBuffer_Release(&plan);
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
    /* the character-mask filter (index.char_mask): at most max_edits bits missing either way */
    uint32_t mask = 0;
    for (Py_ssize_t c = 0; c < n; c++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, c);
        mask |= (ch >= 97 && ch <= 122) ? 1u << (ch - 97) : 1u << (26 + ch % 6);
    }
    const uint32_t *refs = (const uint32_t *)self->refs.buf, *masks = (const uint32_t *)self->masks.buf;
    Py_ssize_t found = 0;
    for (Py_ssize_t r = 0; r < nruns; r++) {
        for (Py_ssize_t i = run_lo[r]; i < run_hi[r]; i++) {
            uint32_t ref = refs[i], theirs = masks[ref];
            if (__builtin_popcount(theirs & ~mask) > max_edits || __builtin_popcount(mask & ~theirs) > max_edits)
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

/* near(key, plan, max_edits) -> [(position, distance, length)] for the candidates within
 * max_edits of key, nearest first, ties in candidate order (index.Index.fuzzy_near). */
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
    /* hits: ref, distance, length; emitted by distance, each distance in candidate order */
    uint32_t *hit_ref = PyMem_Malloc(sizeof(uint32_t) * 3 * (size_t)(count + 1));
    if (hit_ref == NULL) {
        PyMem_Free(refs);
        return PyErr_NoMemory();
    }
    uint32_t *hit_dist = hit_ref + count + 1, *hit_len = hit_dist + count + 1;
    Py_ssize_t hits = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_ssize_t size;
        const char *stored = string_at(self->keys, refs[i], &size);
        if (stored == NULL || size > 4 * (MAX_KEY + 16))
            continue;
        Py_ssize_t m = decode_utf8((const unsigned char *)stored, size, other, MAX_KEY + 16);
        if (m < 0 || m > MAX_KEY)
            continue;
        int d = osa_within(query, n, other, m, (int)max_edits);
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

static PyTypeObject BlockingType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "toponym._speedups.Blocking",
    .tp_basicsize = sizeof(BlockingObject),
    .tp_dealloc = (destructor)Blocking_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Blocking(hashes, refs, masks, directory, bloom, shift, keys): fuzzy candidates and their "
              "verification in C.",
    .tp_methods = Blocking_methods,
    .tp_new = Blocking_new,
};

/* ---- SlotMaker ------------------------------------------------------------------------------ */

#define MAX_SLOTS 32

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    PyTypeObject *cls;
    Py_ssize_t nargs, nslots;
    int untracked;
    Py_ssize_t offsets[MAX_SLOTS];
} SlotMakerObject;

static PyObject *
SlotMaker_call(SlotMakerObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs != self->nargs || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        PyErr_Format(PyExc_TypeError, "%s maker takes exactly %zd positional arguments (%zd given)",
                     self->cls->tp_name, self->nargs, nargs);
        return NULL;
    }
    PyObject *obj = self->cls->tp_alloc(self->cls, 0);
    if (obj == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < self->nslots; i++) {
        PyObject *value = i < nargs ? args[i] : Py_None;
        Py_INCREF(value);
        *(PyObject **)((char *)obj + self->offsets[i]) = value;
    }
    if (self->untracked) /* the caller vouches that no cycle can pass through these objects */
        PyObject_GC_UnTrack(obj);
    return obj;
}

static int
SlotMaker_traverse(SlotMakerObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->cls);
    return 0;
}

static int
SlotMaker_clear(SlotMakerObject *self)
{
    Py_CLEAR(self->cls);
    return 0;
}

static void
SlotMaker_dealloc(SlotMakerObject *self)
{
    PyObject_GC_UnTrack(self);
    SlotMaker_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* SlotMaker(cls, fields, extra, untracked=False): fields and extra are tuples of the member
 * descriptors of object slots of cls (or of its bases); the maker takes one argument per field and sets extra
 * slots to None. With untracked, the garbage collector never sees the objects made: only for
 * objects whose fields can never lead back to them (no cycle can pass through them). */
static PyObject *
SlotMaker_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"cls", "fields", "extra", "untracked", NULL};
    PyTypeObject *cls;
    PyObject *fields, *extra;
    int untracked = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!O!O!|p:SlotMaker", kwlist, &PyType_Type, &cls, &PyTuple_Type,
                                     &fields, &PyTuple_Type, &extra, &untracked))
        return NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(fields), nslots = nargs + PyTuple_GET_SIZE(extra);
    if (nslots > MAX_SLOTS || cls->tp_dictoffset != 0 || cls->tp_itemsize != 0) {
        PyErr_SetString(PyExc_TypeError, "SlotMaker needs a class of at most 32 slots and no __dict__");
        return NULL;
    }
    SlotMakerObject *self = (SlotMakerObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nslots; i++) {
        PyObject *d = i < nargs ? PyTuple_GET_ITEM(fields, i) : PyTuple_GET_ITEM(extra, i - nargs);
        if (!Py_IS_TYPE(d, &PyMemberDescr_Type) || !PyType_IsSubtype(cls, ((PyDescrObject *)d)->d_type) ||
            ((PyMemberDescrObject *)d)->d_member->type != T_OBJECT_EX ||
            (((PyMemberDescrObject *)d)->d_member->flags & READONLY)) {
            Py_DECREF(self);
            PyErr_SetString(PyExc_TypeError, "SlotMaker takes the writable object-slot descriptors of cls and its bases");
            return NULL;
        }
        self->offsets[i] = ((PyMemberDescrObject *)d)->d_member->offset;
    }
    Py_INCREF(cls);
    self->cls = cls;
    self->nargs = nargs;
    self->nslots = nslots;
    self->untracked = untracked;
    self->vectorcall = (vectorcallfunc)SlotMaker_call;
    return (PyObject *)self;
}

static PyTypeObject SlotMakerType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "toponym._speedups.SlotMaker",
    .tp_basicsize = sizeof(SlotMakerObject),
    .tp_dealloc = (destructor)SlotMaker_dealloc,
    .tp_vectorcall_offset = offsetof(SlotMakerObject, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "SlotMaker(cls, fields, extra): a positional constructor that writes cls's slots directly.",
    .tp_traverse = (traverseproc)SlotMaker_traverse,
    .tp_clear = (inquiry)SlotMaker_clear,
    .tp_new = SlotMaker_new,
};

/* ---- ExactPath ------------------------------------------------------------------------------ */

/* The resolver's answer to a query that is a stored spelling, from the compiled defaults
 * (resolve.py: Resolver._fast, which is the reference). A stored spelling needs no
 * normalisation: its name row gives its key row, and so its answer, which is worked out for
 * every name once, when the path is built, into one record per name (one cache line read per
 * query instead of a dozen scattered tables). Where _fast would rank at query time, or answer
 * with a spelling other than the query's, the record says so and the call returns
 * NotImplemented: the Python path answers. */

enum { REC_PYTHON = 0, REC_NONE = 1, REC_MATCH = 2 };

typedef struct {
    uint32_t place;
    uint16_t lang, persp, reason;
    uint8_t type, state;
} Record;

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    StringTableObject *names;
    Record *records;
    PyObject **place_cache; /* Place objects by row, filled on first use */
    Py_ssize_t nplaces;
    PyObject *place, *make, *first_lang, *name_types, *perspectives, *reasons, *method, *score;
    Py_ssize_t max_len;
} ExactPathObject;

static int
ExactPath_traverse(ExactPathObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->names);
    Py_VISIT(self->place);
    Py_VISIT(self->make);
    Py_VISIT(self->first_lang);
    Py_VISIT(self->name_types);
    Py_VISIT(self->perspectives);
    Py_VISIT(self->reasons);
    Py_VISIT(self->method);
    Py_VISIT(self->score);
    for (Py_ssize_t i = 0; self->place_cache && i < self->nplaces; i++)
        Py_VISIT(self->place_cache[i]);
    return 0;
}

static int
ExactPath_clear(ExactPathObject *self)
{
    Py_CLEAR(self->names);
    Py_CLEAR(self->place);
    Py_CLEAR(self->make);
    Py_CLEAR(self->first_lang);
    Py_CLEAR(self->name_types);
    Py_CLEAR(self->perspectives);
    Py_CLEAR(self->reasons);
    Py_CLEAR(self->method);
    Py_CLEAR(self->score);
    for (Py_ssize_t i = 0; self->place_cache && i < self->nplaces; i++)
        Py_CLEAR(self->place_cache[i]);
    return 0;
}

static void
ExactPath_dealloc(ExactPathObject *self)
{
    PyObject_GC_UnTrack(self);
    ExactPath_clear(self);
    PyMem_Free(self->records);
    PyMem_Free(self->place_cache);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
same_string(StringTableObject *t, Py_ssize_t a, Py_ssize_t b)
{
    Py_ssize_t la = 0, lb = 0;
    const char *sa = string_at(t, a, &la), *sb = string_at(t, b, &lb);
    return sa != NULL && sb != NULL && la == lb && memcmp(sa, sb, (size_t)la) == 0;
}

/* One record per name: what a query spelt exactly as that name resolves to. */
static int
fill_records(ExactPathObject *self, Py_buffer *v, Py_ssize_t nkeys, PyObject *policy, Py_ssize_t npolicy_base)
{
    StringTableObject *names = self->names;
    Py_ssize_t n_names = names->count;
    const uint32_t *name_key = v[0].buf, *name_place = v[3].buf;
    const int32_t *key_best = v[1].buf;
    const uint8_t *key_count = v[2].buf, *name_type = v[5].buf;
    const uint16_t *name_lang = v[4].buf, *name_persp = v[6].buf;
    Py_ssize_t nlang = PyTuple_GET_SIZE(self->first_lang), ntypes = PyTuple_GET_SIZE(self->name_types);
    Py_ssize_t npersp = PyTuple_GET_SIZE(self->perspectives), nreasons = PyTuple_GET_SIZE(self->reasons);
    for (Py_ssize_t n0 = 0; n0 < n_names; n0++) {
        Record *r = &self->records[n0];
        r->state = REC_PYTHON;
        uint32_t row = name_key[n0];
        if (row == 0xFFFFFFFFu || (Py_ssize_t)row >= nkeys)
            continue;
        int32_t code = key_best[row];
        if (code == -1) {
            r->state = REC_NONE;
            continue;
        }
        Py_ssize_t n = code >> 2;
        if (code < 0 || n >= n_names || !same_string(names, n, n0))
            continue; /* ranked at query time, or answered in another spelling */
        uint8_t count = key_count[row];
        Py_ssize_t reason = count;
        if (count == 254) { /* a [[prefer]] entry chose it: its text explains it */
            PyObject *k = PyLong_FromUnsignedLong(row);
            if (k == NULL)
                return -1;
            PyObject *at = PyDict_GetItemWithError(policy, k);
            Py_DECREF(k);
            if (at == NULL) {
                if (PyErr_Occurred())
                    return -1;
                continue;
            }
            reason = PyLong_AsSsize_t(at);
            if (reason == -1 && PyErr_Occurred())
                return -1;
        } else if (count > 254) {
            continue;
        }
        uint32_t place = name_place[n];
        if ((Py_ssize_t)place >= self->nplaces || name_lang[n] >= nlang || name_type[n] >= ntypes ||
            name_persp[n] >= npersp || reason < 0 || reason >= nreasons || (count == 254 && reason < npolicy_base)) {
            PyErr_SetString(PyExc_ValueError, "index tables out of range");
            return -1;
        }
        r->place = place;
        r->lang = name_lang[n];
        r->persp = name_persp[n];
        r->type = name_type[n];
        r->reason = (uint16_t)reason;
        r->state = REC_MATCH;
    }
    return 0;
}

static PyObject *ExactPath_vectorcall(ExactPathObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames);

static PyObject *
ExactPath_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"names",        "name_key", "key_best", "key_count", "name_place", "name_lang",
                             "name_type",    "name_persp", "nplaces", "place",    "make",       "first_lang",
                             "name_types",   "perspectives", "reasons", "policy", "method",     "score",
                             "max_len",      NULL};
    PyObject *names, *bufs[7], *place, *make, *first_lang, *name_types, *perspectives, *reasons, *policy, *method,
        *score;
    Py_ssize_t nplaces, max_len;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!OOOOOOOnOOO!O!O!O!O!UOn:ExactPath", kwlist, &StringTableType,
                                     &names, &bufs[0], &bufs[1], &bufs[2], &bufs[3], &bufs[4], &bufs[5], &bufs[6],
                                     &nplaces, &place, &make, &PyTuple_Type, &first_lang, &PyTuple_Type, &name_types,
                                     &PyTuple_Type, &perspectives, &PyTuple_Type, &reasons, &PyDict_Type, &policy,
                                     &method, &score, &max_len))
        return NULL;
    StringTableObject *table = (StringTableObject *)names;
    if (!table->has_slots || nplaces < 0 || PyTuple_GET_SIZE(reasons) < 254 || PyTuple_GET_SIZE(reasons) > 65535) {
        PyErr_SetString(PyExc_ValueError, "names needs its hash table, and reasons must explain counts 0..253");
        return NULL;
    }
    ExactPathObject *self = (ExactPathObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->names = (StringTableObject *)Py_NewRef(names);
    self->place = Py_NewRef(place);
    self->make = Py_NewRef(make);
    self->first_lang = Py_NewRef(first_lang);
    self->name_types = Py_NewRef(name_types);
    self->perspectives = Py_NewRef(perspectives);
    self->reasons = Py_NewRef(reasons);
    self->method = Py_NewRef(method);
    self->score = Py_NewRef(score);
    self->max_len = max_len;
    self->nplaces = nplaces;
    self->vectorcall = (vectorcallfunc)ExactPath_vectorcall;
    self->records = PyMem_Calloc((size_t)table->count + 1, sizeof(Record));
    self->place_cache = PyMem_Calloc((size_t)nplaces + 1, sizeof(PyObject *));
    if (self->records == NULL || self->place_cache == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    Py_buffer v[7];
    const Py_ssize_t sizes[] = {4, 4, 1, 4, 2, 1, 2};
    const char *what[] = {"name_key", "key_best", "key_count", "name_place", "name_lang", "name_type", "name_persp"};
    int got = 0, rc = -1;
    for (; got < 7; got++) {
        Py_ssize_t count = (got == 1 || got == 2) ? 0 : table->count; /* per key, not per name */
        if (get_items(bufs[got], &v[got], sizes[got], count, what[got]) < 0)
            break;
    }
    if (got == 7) {
        Py_ssize_t nkeys = v[1].len / 4;
        if (v[2].len < nkeys)
            PyErr_SetString(PyExc_ValueError, "key_count is shorter than key_best");
        else
            rc = fill_records(self, v, nkeys, policy, 254);
    }
    for (int k = 0; k < got; k++)
        PyBuffer_Release(&v[k]);
    if (rc < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static Py_ssize_t
table_find(StringTableObject *self, const char *raw, Py_ssize_t len)
{
    const uint32_t *slots = (const uint32_t *)self->slots.buf;
    uint32_t h = crc32_update(0, (const unsigned char *)raw, len);
    int bits = self->row_bits;
    uint32_t tag = h >> bits, rows = (1u << bits) - 1;
    uint32_t i = h & self->mask;
    for (uint32_t probes = 0; probes <= self->mask; probes++, i = (i + 1) & self->mask) {
        uint32_t slot = slots[i];
        if (slot == 0)
            break;
        if (slot >> bits != tag)
            continue;
        Py_ssize_t row = (Py_ssize_t)(slot & rows) - 1, size;
        if (row < 0 || row >= self->count)
            continue;
        const char *stored = string_at(self, row, &size);
        if (stored != NULL && size == len && memcmp(stored, raw, (size_t)len) == 0)
            return row;
    }
    return -1;
}

static PyObject *
ExactPath_vectorcall(ExactPathObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (PyVectorcall_NARGS(nargsf) != 1 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        PyErr_SetString(PyExc_TypeError, "ExactPath takes one query");
        return NULL;
    }
    PyObject *query = args[0];
    if (!PyUnicode_Check(query) || PyUnicode_GET_LENGTH(query) > self->max_len)
        Py_RETURN_NOTIMPLEMENTED;
    Py_ssize_t len;
    const char *raw = PyUnicode_AsUTF8AndSize(query, &len);
    if (raw == NULL) { /* a lone surrogate: the Python path decides */
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t n0 = table_find(self->names, raw, len);
    if (n0 < 0)
        Py_RETURN_NOTIMPLEMENTED;
    const Record *r = &self->records[n0];
    if (r->state != REC_MATCH) {
        if (r->state == REC_NONE)
            Py_RETURN_NONE;
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *place = self->place_cache[r->place];
    if (place == NULL) {
        PyObject *i = PyLong_FromUnsignedLong(r->place);
        if (i == NULL)
            return NULL;
        place = PyObject_CallOneArg(self->place, i);
        Py_DECREF(i);
        if (place == NULL)
            return NULL;
        if (self->place_cache[r->place] == NULL) {
            self->place_cache[r->place] = place; /* owns the reference */
        } else { /* another thread filled it while the call ran Python code */
            Py_DECREF(place);
            place = self->place_cache[r->place];
        }
    }
    PyObject *fields[] = {place,
                          self->score,
                          self->method,
                          query,
                          PyTuple_GET_ITEM(self->first_lang, r->lang),
                          query,
                          PyTuple_GET_ITEM(self->name_types, r->type),
                          PyTuple_GET_ITEM(self->perspectives, r->persp),
                          PyTuple_GET_ITEM(self->reasons, r->reason)};
    return PyObject_Vectorcall(self->make, fields, 9, NULL);
}

static PyTypeObject ExactPathType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "toponym._speedups.ExactPath",
    .tp_basicsize = sizeof(ExactPathObject),
    .tp_dealloc = (destructor)ExactPath_dealloc,
    .tp_vectorcall_offset = offsetof(ExactPathObject, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "ExactPath(...)(query) -> Match | None | NotImplemented: a stored spelling answered in C.",
    .tp_traverse = (traverseproc)ExactPath_traverse,
    .tp_clear = (inquiry)ExactPath_clear,
    .tp_new = ExactPath_new,
};

/* hash_strings(buffer, base, offsets) -> (slots, row_bits): index.build_key_table's layout over
 * strings already in a blob; a string equal to an earlier one is not filed again. */
static PyObject *
speedups_hash_strings(PyObject *module, PyObject *args)
{
    PyObject *buffer, *offsets;
    Py_ssize_t base;
    if (!PyArg_ParseTuple(args, "OnO:hash_strings", &buffer, &base, &offsets))
        return NULL;
    PyObject *targs = Py_BuildValue("(OnO)", buffer, base, offsets);
    if (targs == NULL)
        return NULL;
    StringTableObject *table = (StringTableObject *)StringTable_new(&StringTableType, targs, NULL);
    Py_DECREF(targs);
    if (table == NULL)
        return NULL;
    Py_ssize_t count = table->count, size = 8;
    while (size < count * 3 / 2)
        size *= 2;
    int bits = 1;
    while (((Py_ssize_t)1 << bits) <= count + 1)
        bits++;
    if (bits > 31) {
        Py_DECREF(table);
        PyErr_SetString(PyExc_ValueError, "too many strings");
        return NULL;
    }
    PyObject *out = PyBytes_FromStringAndSize(NULL, size * 4);
    if (out == NULL) {
        Py_DECREF(table);
        return NULL;
    }
    uint32_t *slots = (uint32_t *)PyBytes_AS_STRING(out), mask = (uint32_t)(size - 1);
    memset(slots, 0, (size_t)size * 4);
    for (Py_ssize_t row = 0; row < count; row++) {
        Py_ssize_t len;
        const char *raw = string_at(table, row, &len);
        if (raw == NULL) {
            Py_DECREF(out);
            Py_DECREF(table);
            PyErr_SetString(PyExc_ValueError, "corrupt string offsets");
            return NULL;
        }
        uint32_t h = crc32_update(0, (const unsigned char *)raw, len), i = h & mask, dup = 0;
        while (slots[i] && !dup) {
            uint32_t slot = slots[i];
            if (slot >> bits == h >> bits) {
                Py_ssize_t other = (Py_ssize_t)(slot & ((1u << bits) - 1)) - 1, olen;
                const char *seen = string_at(table, other, &olen);
                dup = seen != NULL && olen == len && memcmp(seen, raw, (size_t)len) == 0;
            }
            if (!dup)
                i = (i + 1) & mask;
        }
        if (!dup)
            slots[i] = (uint32_t)(row + 1) | ((h >> bits) << bits);
    }
    Py_DECREF(table);
    return Py_BuildValue("(Ni)", out, bits);
}

/* ---- module --------------------------------------------------------------------------------- */

static PyObject *
speedups_crc32(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer data;
    unsigned long seed = 0;
    if (nargs < 1 || nargs > 2) {
        PyErr_SetString(PyExc_TypeError, "crc32(data, value=0)");
        return NULL;
    }
    if (nargs == 2) {
        seed = PyLong_AsUnsignedLongMask(args[1]);
        if (seed == (unsigned long)-1 && PyErr_Occurred())
            return NULL;
    }
    if (PyObject_GetBuffer(args[0], &data, PyBUF_SIMPLE) < 0)
        return NULL;
    uint32_t h = crc32_update((uint32_t)seed, (const unsigned char *)data.buf, data.len);
    PyBuffer_Release(&data);
    return PyLong_FromUnsignedLong(h);
}

static PyMethodDef module_methods[] = {
    {"hash_strings", (PyCFunction)speedups_hash_strings, METH_VARARGS,
     "hash_strings(buffer, base, offsets) -> (slots, row_bits): an open-addressing table over the strings."},
    {"crc32", (PyCFunction)(void (*)(void))speedups_crc32, METH_FASTCALL,
     "crc32(data, value=0) -> zlib.crc32(data, value), the hash of the key table and the probes."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT, "toponym._speedups", "Optional compiled hot paths of toponym's index (see index.py).", -1,
    module_methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    crc_init();
    if (PyType_Ready(&StringTableType) < 0 || PyType_Ready(&BlockingType) < 0 || PyType_Ready(&SlotMakerType) < 0 ||
        PyType_Ready(&ExactPathType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&speedups_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "API", SPEEDUPS_API) < 0 ||
        PyModule_AddObjectRef(m, "StringTable", (PyObject *)&StringTableType) < 0 ||
        PyModule_AddObjectRef(m, "Blocking", (PyObject *)&BlockingType) < 0 ||
        PyModule_AddObjectRef(m, "SlotMaker", (PyObject *)&SlotMakerType) < 0 ||
        PyModule_AddObjectRef(m, "ExactPath", (PyObject *)&ExactPathType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
