/* TextScan: running text -> key hits, in one pass (the Python twin: toponym/extractor/textscan.py,
 * PyTextScan, which is the reference and documents what a hit is).
 *
 * For each word that may start a mention it normalises the word through character tables Python
 * computed, looks it up in the keys' and the text lexicon's hash tables, reads on word by word
 * while the lexicon says a longer key may follow, and keeps the longest key (then the same with
 * accents folded); affix rules make forms of a word, each checked against the keys; a run of a
 * script without spaces is segmented by the cheapest cover with words and keys. What a hit
 * means is decided in Python. */
#include "common.h"

#define C_WORD 1
#define C_START 2
#define C_UNSPACED 4
#define C_APOS 8
#define C_BLANK 16
#define C_HYPHEN 32
#define C_IDENT 64
#define C_NEWLINE 128
#define C_DOT 256
#define C_CR 512
#define C_MARK 1024
#define FOLD_DROP 0xFFFF

#define H_IRREGULAR (1 << 4)
#define H_UNSPACED (1 << 5)
#define H_MORE (1 << 6)
#define H_FOLDED (1 << 7)
#define H_RULE_SHIFT 16
#define MAX_TOKENS 12
#define UNSPACED_MAX 16
#define TEXT_MORE 1
#define TEXT_GROW 2
#define MAX_CHARS 1024 /* longest key read, in characters */

typedef struct {
    Py_UCS4 *from, *to;
    Py_ssize_t nfrom, nto;
} Pair;

typedef struct {
    int script, min_stem, always, last;
    Py_ssize_t npre, nsuf;
    Pair *pre, *suf; /* each begins with the pair ("", "") */
} Group;

typedef struct {
    PyObject_HEAD
    StringTableObject *text, *keys;
    Py_buffer flags, rank, info, lower, fold, script;
    Py_ssize_t nastral;
    Py_UCS4 *astral; /* pairs of bounds */
    Py_ssize_t ngroups;
    Group *groups;
    Py_ssize_t nelisions;
    Pair *elisions; /* from only */
    long costs[4];
} TextScanObject;

/* ---- reading the text ------------------------------------------------------------------------ */

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t hi;
} Text;

static inline Py_UCS4
at(const Text *t, Py_ssize_t i)
{
    return PyUnicode_READ(t->kind, t->data, i);
}

static int
bits(TextScanObject *self, Py_UCS4 cp)
{
    if (cp < 0x10000)
        return ((const uint16_t *)self->info.buf)[cp];
    Py_ssize_t lo = 0, hi = self->nastral;
    while (lo < hi) { /* the astral ranges are sorted: bisect */
        Py_ssize_t mid = (lo + hi) / 2;
        if (self->astral[2 * mid + 1] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < self->nastral && self->astral[2 * lo] <= cp)
        return C_WORD | C_MARK;
    return Py_UNICODE_ISALNUM(cp) ? C_WORD : 0;
}

static inline int
bits_at(TextScanObject *self, const Text *t, Py_ssize_t i)
{
    return bits(self, at(t, i));
}

static Py_ssize_t
word_end(TextScanObject *self, const Text *t, Py_ssize_t i)
{
    while (i < t->hi && (bits_at(self, t, i) & (C_WORD | C_UNSPACED)) == C_WORD)
        i++;
    return i;
}

static inline int
is_word(TextScanObject *self, const Text *t, Py_ssize_t k)
{
    return k < t->hi && (bits_at(self, t, k) & C_WORD);
}

static inline int
blank2(const Text *t, Py_ssize_t k)
{
    if (k >= t->hi)
        return 0;
    Py_UCS4 c = at(t, k);
    return c == ' ' || c == '\t';
}

/* ---- a growing buffer of code points, and its UTF-8 --------------------------------------------- */

typedef struct {
    Py_UCS4 cp[MAX_CHARS];
    Py_ssize_t n;
    char utf8[4 * MAX_CHARS];
} Key;

static Py_ssize_t
encode(const Py_UCS4 *cp, Py_ssize_t n, char *out)
{
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = cp[i];
        if (c < 0x80) {
            out[k++] = (char)c;
        } else if (c < 0x800) {
            out[k++] = (char)(0xC0 | (c >> 6));
            out[k++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            if (c >= 0xD800 && c < 0xE000)
                return -1; /* a lone surrogate is no stored string */
            out[k++] = (char)(0xE0 | (c >> 12));
            out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[k++] = (char)(0xF0 | (c >> 18));
            out[k++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    return k;
}

/* Rows of cp[0:n] in the keys and in the text lexicon (-1 when absent). */
static void
find(TextScanObject *self, const Py_UCS4 *cp, Py_ssize_t n, char *utf8, Py_ssize_t *key, Py_ssize_t *text)
{
    Py_ssize_t len = encode(cp, n, utf8);
    if (len < 0) {
        *key = *text = -1;
        return;
    }
    *key = table_find(self->keys, utf8, len);
    *text = table_find(self->text, utf8, len);
}

static inline int
text_flags(TextScanObject *self, Py_ssize_t row)
{
    return row < 0 ? 0 : ((const uint8_t *)self->flags.buf)[row];
}

/* Append text[a:b] through table (lower, or fold when folding) to key; 0 when a character is
 * irregular (or the key would be too long). */
static int
append_norm(TextScanObject *self, const Text *t, Py_ssize_t a, Py_ssize_t b, int folding, Key *key)
{
    const uint16_t *table = (const uint16_t *)(folding ? self->fold.buf : self->lower.buf);
    for (Py_ssize_t i = a; i < b; i++) {
        Py_UCS4 c = at(t, i);
        if (c >= 0x10000)
            return 0;
        uint16_t m = table[c];
        if (m == 0)
            return 0;
        if (m == FOLD_DROP)
            continue;
        if (key->n >= MAX_CHARS)
            return 0;
        key->cp[key->n++] = m;
    }
    return 1;
}

/* ---- the separator and the walk ------------------------------------------------------------------ */

static Py_ssize_t
separator(TextScanObject *self, const Text *t, Py_ssize_t pos)
{
    Py_ssize_t k = pos, hi = t->hi;
    while (k < hi && k - pos < 3 && (bits_at(self, t, k) & C_BLANK))
        k++;
    if (k > pos && is_word(self, t, k))
        return k;
    Py_ssize_t h = (pos + 1 < hi && blank2(t, pos)) ? pos + 1 : pos;
    if (h < hi && (bits_at(self, t, h) & C_HYPHEN) && (h == pos || blank2(t, pos))) {
        if (is_word(self, t, h + 1))
            return h + 1;
        if (h + 1 < hi && blank2(t, h + 1) && is_word(self, t, h + 2))
            return h + 2;
    }
    if (pos < hi && at(t, pos) == '.' && pos + 1 < hi && blank2(t, pos + 1)) {
        if (is_word(self, t, pos + 2))
            return pos + 2;
        if (pos + 2 < hi && blank2(t, pos + 2) && is_word(self, t, pos + 3))
            return pos + 3;
    }
    k = pos;
    while (blank2(t, k))
        k++;
    if (k < hi && (bits_at(self, t, k) & C_CR))
        k++;
    if (k < hi && (bits_at(self, t, k) & C_NEWLINE)) {
        k++;
        while (blank2(t, k))
            k++;
        if (is_word(self, t, k))
            return k;
    }
    return -1;
}

/* key + apostrophe + the word after it, when that makes an entry (updates key and *end); 0 when
 * that word is irregular. */
static int
apostrophe(TextScanObject *self, const Text *t, Py_ssize_t *end, int folding, Key *key)
{
    Py_ssize_t e = *end;
    if (e + 1 >= t->hi || !(bits_at(self, t, e) & C_APOS) || !(bits_at(self, t, e + 1) & C_WORD))
        return 1;
    Py_ssize_t stop = word_end(self, t, e + 1), saved = key->n;
    if (!folding) {
        if (key->n >= MAX_CHARS)
            return 0;
        key->cp[key->n++] = '\'';
    }
    if (!append_norm(self, t, e + 1, stop, folding, key))
        return 0;
    Py_ssize_t krow, trow;
    find(self, key->cp, key->n, key->utf8, &krow, &trow);
    if (krow >= 0 || trow >= 0)
        *end = stop;
    else
        key->n = saved;
    return 1;
}

/* The longest key read on from key (ending at end): best = (end, row, tokens); 0 if irregular. */
static int
read_on(TextScanObject *self, const Text *t, Py_ssize_t end, int folding, Key *key, Py_ssize_t best[3])
{
    int n = 1;
    best[1] = -1;
    for (;;) {
        Py_ssize_t krow, trow;
        find(self, key->cp, key->n, key->utf8, &krow, &trow);
        if (krow >= 0) {
            best[0] = end;
            best[1] = krow;
            best[2] = n;
        }
        if (trow < 0 || !(text_flags(self, trow) & TEXT_MORE) || n == MAX_TOKENS)
            return 1;
        Py_ssize_t start = separator(self, t, end);
        if (start < 0)
            return 1;
        Py_ssize_t stop = word_end(self, t, start);
        if (key->n >= MAX_CHARS)
            return 1;
        key->cp[key->n++] = ' ';
        if (!append_norm(self, t, start, stop, folding, key))
            return 0;
        end = stop;
        if (!apostrophe(self, t, &end, folding, key))
            return 0;
        n++;
    }
}

/* The walk from the head word text[s:e] (normalised or folded); best[1] < 0 when no key. */
static int
walk(TextScanObject *self, const Text *t, Py_ssize_t s, Py_ssize_t e, int folding, Key *key, Py_ssize_t best[3])
{
    key->n = 0;
    if (!append_norm(self, t, s, e, folding, key))
        return 0;
    Py_ssize_t head = key->n, end = e;
    if (!apostrophe(self, t, &end, folding, key))
        return 0;
    if (end != e) { /* "Martha's Vineyard", else "Russia's" as "Russia" */
        if (!read_on(self, t, end, folding, key, best))
            return 0;
        if (best[1] >= 0)
            return 1;
        key->n = head;
    }
    return read_on(self, t, e, folding, key, best);
}

/* ---- affixes ------------------------------------------------------------------------------------ */

static int
add_hit(PyObject *out, Py_ssize_t s, Py_ssize_t e, Py_ssize_t row, long long info)
{
    PyObject *v[4] = {PyLong_FromSsize_t(s), PyLong_FromSsize_t(e), PyLong_FromSsize_t(row), PyLong_FromLongLong(info)};
    int rc = 0;
    for (int i = 0; i < 4; i++) {
        if (v[i] == NULL || PyList_Append(out, v[i]) < 0)
            rc = -1;
        Py_XDECREF(v[i]);
    }
    return rc;
}

static int
same(const Py_UCS4 *a, const Py_UCS4 *b, Py_ssize_t n)
{
    return n == 0 || memcmp(a, b, (size_t)n * sizeof(Py_UCS4)) == 0;
}

static int
word_script(TextScanObject *self, Py_UCS4 first)
{
    return first < 0x10000 ? ((const uint8_t *)self->script.buf)[first] : 0;
}

static int
always(TextScanObject *self, const Key *low, unsigned long long off)
{
    int script = word_script(self, low->cp[0]);
    for (Py_ssize_t g = 0; g < self->ngroups; g++)
        if (self->groups[g].script == script && self->groups[g].always && !(off >> g & 1))
            return 1;
    return 0;
}

/* A form made before (forms are few: a linear list). */
#define SEEN_FORMS 256
typedef struct {
    Py_ssize_t n;
    Py_ssize_t start[SEEN_FORMS], len[SEEN_FORMS];
    Py_UCS4 cp[SEEN_FORMS * 64];
} Seen;

static int
seen_add(Seen *seen, const Py_UCS4 *cp, Py_ssize_t n)
{
    Py_ssize_t used = seen->n ? seen->start[seen->n - 1] + seen->len[seen->n - 1] : 0;
    for (Py_ssize_t i = 0; i < seen->n; i++)
        if (seen->len[i] == n && same(seen->cp + seen->start[i], cp, n))
            return 0;
    if (seen->n < SEEN_FORMS && used + n <= SEEN_FORMS * 64) {
        seen->start[seen->n] = used;
        seen->len[seen->n] = n;
        memcpy(seen->cp + used, cp, (size_t)n * sizeof(Py_UCS4));
        seen->n++;
    }
    return 1;
}

static int lasts(TextScanObject *self, PyObject *out, Py_ssize_t s, Py_ssize_t e, const Key *low, Key *form,
                 unsigned long long off);

static int
variants(TextScanObject *self, PyObject *out, Py_ssize_t s, Py_ssize_t e, const Key *low, Key *form, Seen *seen,
         int later, unsigned long long off)
{
    int script = word_script(self, low->cp[0]);
    Py_ssize_t size = low->n;
    for (Py_ssize_t g = 0; g < self->ngroups; g++) {
        const Group *grp = &self->groups[g];
        if (grp->script != script || (off >> g & 1))
            continue;
        /* each group reports its own forms: two languages of one script may make the same form
           ("Polsce" is Polish for Polska by the Czech rule "ce" -> "ka" too), and the linker asks
           whether the name is of the language of the group that made it */
        seen->n = 0;
        seen_add(seen, low->cp, size);
        for (Py_ssize_t p = 0; p < grp->npre; p++) {
            const Pair *pf = &grp->pre[p];
            if (pf->nfrom > size || !same(low->cp, pf->from, pf->nfrom))
                continue;
            for (Py_ssize_t q = 0; q < grp->nsuf; q++) {
                const Pair *sf = &grp->suf[q];
                Py_ssize_t stem = size - pf->nfrom - sf->nfrom;
                if (stem < grp->min_stem || !same(low->cp + size - sf->nfrom, sf->from, sf->nfrom))
                    continue;
                Py_ssize_t n = pf->nto + stem + sf->nto;
                if (n > MAX_CHARS)
                    continue;
                memcpy(form->cp, pf->to, (size_t)pf->nto * sizeof(Py_UCS4));
                memcpy(form->cp + pf->nto, low->cp + pf->nfrom, (size_t)stem * sizeof(Py_UCS4));
                memcpy(form->cp + pf->nto + stem, sf->to, (size_t)sf->nto * sizeof(Py_UCS4));
                if (!seen_add(seen, form->cp, n))
                    continue;
                Py_ssize_t krow, trow;
                find(self, form->cp, n, form->utf8, &krow, &trow);
                int more = text_flags(self, trow) & TEXT_MORE;
                if (krow >= 0 || more) {
                    long long info = 1 | (more ? H_MORE : 0) | ((long long)(g + 1) << H_RULE_SHIFT);
                    if (add_hit(out, s, e, krow, info) < 0)
                        return -1;
                }
            }
        }
    }
    /* the word as written, when it only begins longer keys: in a language that inflects every
       word of a name (a group read `always`), a later word may be the inflected one ("Нью-Йорке"),
       read on with that group's forms */
    for (Py_ssize_t g = 0; later && g < self->ngroups; g++) {
        if (self->groups[g].script != script || !self->groups[g].always || (off >> g & 1))
            continue;
        Py_ssize_t krow, trow;
        find(self, low->cp, size, form->utf8, &krow, &trow);
        if (krow < 0 && (text_flags(self, trow) & TEXT_MORE)) {
            long long info = 1 | H_MORE | ((long long)(g + 1) << H_RULE_SHIFT);
            if (add_hit(out, s, e, -1, info) < 0)
                return -1;
        }
        break;
    }
    return later ? lasts(self, out, s, e, low, form, off) : 0;
}

/* The word as written, when it begins longer keys, read on by each group that inflects the last
   word of a name (`last`: German "Saudi-Arabiens"), a key itself or not ("Baden-Württembergs"). */
static int
lasts(TextScanObject *self, PyObject *out, Py_ssize_t s, Py_ssize_t e, const Key *low, Key *form,
      unsigned long long off)
{
    int script = word_script(self, low->cp[0]);
    int looked = 0, more = 0;
    for (Py_ssize_t g = 0; g < self->ngroups; g++) {
        if (self->groups[g].script != script || !self->groups[g].last || (off >> g & 1))
            continue;
        if (!looked) {
            Py_ssize_t krow, trow;
            find(self, low->cp, low->n, form->utf8, &krow, &trow);
            more = text_flags(self, trow) & TEXT_MORE;
            looked = 1;
        }
        if (!more)
            return 0;
        if (add_hit(out, s, e, -1, 1 | H_MORE | ((long long)(g + 1) << H_RULE_SHIFT)) < 0)
            return -1;
    }
    return 0;
}

/* ---- one candidate --------------------------------------------------------------------------------- */

typedef struct {
    Key key, low, form;
    Seen seen;
    unsigned long long off; /* the rule groups not read in this text (bit g: group g) */
} Work;

/* A capital, or a letter of a script without case. */
static inline int
caseless_or_upper(Py_UCS4 c)
{
    return Py_UNICODE_ISUPPER(c) || (Py_UNICODE_ISALPHA(c) && !Py_UNICODE_ISLOWER(c));
}

/* The hits of the candidate at s; *last is moved past a key hit. */
static int
match_at(TextScanObject *self, const Text *t, Py_ssize_t s, PyObject *out, Py_ssize_t *last, Work *w)
{
    Py_ssize_t e = word_end(self, t, s);
    w->low.n = 0;
    if (!append_norm(self, t, s, e, 0, &w->low))
        return add_hit(out, s, e, -1, H_IRREGULAR);
    Py_ssize_t best[3] = {0, -1, 0};
    if (!walk(self, t, s, e, 0, &w->key, best))
        return add_hit(out, s, e, -1, H_IRREGULAR);
    if (best[1] < 0) {
        Key *fold = &w->form;
        fold->n = 0;
        if (append_norm(self, t, s, e, 1, fold) && !(fold->n == w->low.n && same(fold->cp, w->low.cp, fold->n))) {
            Py_ssize_t folded[3] = {0, -1, 0};
            if (walk(self, t, s, e, 1, &w->key, folded) && folded[1] >= 0) {
                best[0] = folded[0];
                best[1] = folded[1];
                best[2] = folded[2] | H_FOLDED;
            }
        }
    }
    if (best[1] >= 0) {
        if (add_hit(out, s, best[0], best[1], best[2]) < 0)
            return -1;
        if (best[0] > *last)
            *last = best[0];
    }
    /* a later word of a name, after a space or a hyphen, has its capital ("Нью-Йорке"), or is
       written in a script without case ("마셜 제도에서": Korean's particle on the last word) */
    int later = e + 1 < t->hi && (at(t, e) == ' ' || at(t, e) == '-') && caseless_or_upper(at(t, e + 1));
    /* a word that is a key only without its marks may be a form of a name with them: "Číně" is
       Czech for "in China" (Čína), though it folds to Friulian "Cine" */
    if (best[1] < 0 || (best[2] & H_FOLDED) || always(self, &w->low, w->off))
        return variants(self, out, s, e, &w->low, &w->form, &w->seen, later, w->off);
    /* a key of this word alone may begin a name whose last word is inflected */
    return later && best[0] == e ? lasts(self, out, s, e, &w->low, &w->form, w->off) : 0;
}

static int
is_start(TextScanObject *self, const Text *t, Py_ssize_t i)
{
    if (!(bits_at(self, t, i) & C_START))
        return 0;
    if (i == 0)
        return 1;
    int before = bits_at(self, t, i - 1);
    if (before & C_WORD)
        return 0;
    if (before & C_APOS) { /* an elided article: "l'Allemagne" */
        Py_ssize_t apos = i - 1, k = apos;
        while (k > 0 && (bits_at(self, t, k - 1) & C_WORD) && apos - k < 8)
            k--;
        if (k == apos || (k > 0 && (bits_at(self, t, k - 1) & C_WORD)))
            return 0;
        const uint16_t *lower = (const uint16_t *)self->lower.buf;
        for (Py_ssize_t x = 0; x < self->nelisions; x++) {
            const Pair *el = &self->elisions[x];
            if (el->nfrom != apos - k)
                continue;
            Py_ssize_t j = 0;
            for (; j < el->nfrom; j++) {
                Py_UCS4 c = at(t, k + j);
                Py_UCS4 l = c < 0x10000 ? lower[c] : 0;
                if (l != el->from[j])
                    break;
            }
            if (j == el->nfrom)
                return 1;
        }
        return 0;
    }
    return !((before & C_IDENT) && i >= 2 && (bits_at(self, t, i - 2) & C_WORD));
}

/* ---- scripts without spaces ------------------------------------------------------------------------ */

static int
segment(TextScanObject *self, const Text *t, Py_ssize_t a, Py_ssize_t b, PyObject *out)
{
    Py_ssize_t m = b - a;
    Py_UCS4 *run = PyMem_Malloc((size_t)(m + 1) * sizeof(Py_UCS4));
    long long *best = PyMem_Malloc((size_t)(m + 1) * sizeof(long long));
    Py_ssize_t *from = PyMem_Malloc((size_t)(m + 1) * sizeof(Py_ssize_t));
    Py_ssize_t *krows = PyMem_Malloc((size_t)(m + 1) * sizeof(Py_ssize_t));
    int *ranks = PyMem_Malloc((size_t)(m + 1) * sizeof(int));
    char *utf8 = PyMem_Malloc(4 * UNSPACED_MAX + 4);
    int rc = 0;
    if (!run || !best || !from || !krows || !ranks || !utf8) {
        PyErr_NoMemory();
        rc = -1;
        goto done;
    }
    const uint16_t *fold = (const uint16_t *)self->fold.buf;
    int regular = 1;
    for (Py_ssize_t i = 0; i < m; i++) {
        Py_UCS4 c = at(t, a + i);
        Py_UCS4 f = c < 0x10000 ? fold[c] : 0;
        if (f == 0 || f == FOLD_DROP)
            regular = 0;
        run[i] = f;
    }
    if (!regular) /* a character the tables cannot fold: read the run as it is */
        for (Py_ssize_t i = 0; i < m; i++)
            run[i] = at(t, a + i);
    const long long inf = (long long)1 << 60;
    long unknown = self->costs[0], key_cost = self->costs[1], scale = self->costs[2], base = self->costs[3];
    best[0] = 0;
    for (Py_ssize_t j = 1; j <= m; j++)
        best[j] = inf;
    for (Py_ssize_t i = 0; i < m; i++) {
        if (best[i] == inf)
            continue;
        long long here = best[i];
        int single = 0;
        Py_ssize_t top = m < i + UNSPACED_MAX ? m : i + UNSPACED_MAX;
        for (Py_ssize_t j = i + 1; j <= top; j++) {
            Py_ssize_t krow, trow;
            find(self, run + i, j - i, utf8, &krow, &trow);
            int rank = trow >= 0 ? ((const uint8_t *)self->rank.buf)[trow] : 0;
            if (krow >= 0 || rank) {
                long long cost = inf;
                if (krow >= 0)
                    cost = key_cost;
                if (rank && base + scale * rank < cost)
                    cost = base + scale * rank;
                if (here + cost < best[j]) {
                    best[j] = here + cost;
                    from[j] = i;
                    krows[j] = krow;
                    ranks[j] = rank;
                }
                if (j == i + 1)
                    single = 1;
            }
            if (trow < 0 || !(text_flags(self, trow) & TEXT_GROW))
                break;
        }
        if (!single && here + unknown < best[i + 1]) {
            best[i + 1] = here + unknown;
            from[i + 1] = i;
            krows[i + 1] = -1;
            ranks[i + 1] = 0;
        }
    }
    /* the key segments of the best path, in order: collect backwards, then append reversed */
    Py_ssize_t count = 0;
    for (Py_ssize_t j = m; j > 0; j = from[j])
        if (krows[j] >= 0)
            count++;
    Py_ssize_t *ends = PyMem_Malloc((size_t)(count + 1) * sizeof(Py_ssize_t));
    if (ends == NULL) {
        PyErr_NoMemory();
        rc = -1;
        goto done;
    }
    Py_ssize_t c = count;
    for (Py_ssize_t j = m; j > 0; j = from[j])
        if (krows[j] >= 0)
            ends[--c] = j;
    for (Py_ssize_t x = 0; x < count && rc == 0; x++) {
        Py_ssize_t j = ends[x];
        rc = add_hit(out, a + from[j], a + j, krows[j], H_UNSPACED | ((long long)ranks[j] << H_RULE_SHIFT));
    }
    PyMem_Free(ends);
done:
    PyMem_Free(run);
    PyMem_Free(best);
    PyMem_Free(from);
    PyMem_Free(krows);
    PyMem_Free(ranks);
    PyMem_Free(utf8);
    return rc;
}

/* ---- the type ----------------------------------------------------------------------------------------- */

static PyObject *
TextScan_scan(TextScanObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if ((nargs != 3 && nargs != 4) || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "scan(text, lo, hi, off=0) takes a str, two positions and a mask");
        return NULL;
    }
    PyObject *str = args[0];
    Py_ssize_t lo = PyLong_AsSsize_t(args[1]), hi = PyLong_AsSsize_t(args[2]);
    if ((lo == -1 || hi == -1) && PyErr_Occurred())
        return NULL;
    unsigned long long off = nargs == 4 ? PyLong_AsUnsignedLongLongMask(args[3]) : 0;
    if (off == (unsigned long long)-1 && PyErr_Occurred())
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(str);
    if (lo < 0 || hi > n || lo > hi) {
        PyErr_SetString(PyExc_IndexError, "scan bounds out of range");
        return NULL;
    }
    Text t = {PyUnicode_KIND(str), PyUnicode_DATA(str), hi};
    PyObject *out = PyList_New(0);
    Work *w = PyMem_Malloc(sizeof(Work));
    if (out == NULL || w == NULL) {
        Py_XDECREF(out);
        PyMem_Free(w);
        return PyErr_NoMemory();
    }
    w->off = off;
    Py_ssize_t last = lo, i = lo;
    while (i < hi) {
        int b = bits_at(self, &t, i);
        if (b & C_UNSPACED) {
            Py_ssize_t j = i;
            while (j < hi && (bits_at(self, &t, j) & C_UNSPACED))
                j++;
            if (i >= last && segment(self, &t, i, j, out) < 0)
                goto fail;
            i = j;
            continue;
        }
        if ((b & C_START) && i >= last && is_start(self, &t, i) && match_at(self, &t, i, out, &last, w) < 0)
            goto fail;
        if (b & C_WORD)
            i = word_end(self, &t, i);
        else
            i++;
    }
    PyMem_Free(w);
    return out;
fail:
    PyMem_Free(w);
    Py_DECREF(out);
    return NULL;
}

/* ---- construction --------------------------------------------------------------------------------- */

static int
ucs4_of(PyObject *s, Py_UCS4 **cp, Py_ssize_t *n)
{
    if (!PyUnicode_Check(s)) {
        PyErr_SetString(PyExc_TypeError, "affixes and elisions must be str");
        return -1;
    }
    *n = PyUnicode_GET_LENGTH(s);
    *cp = PyUnicode_AsUCS4Copy(s);
    return *cp == NULL ? -1 : 0;
}

/* pairs: a sequence of (from, to) str pairs; the result begins with ("", ""). */
static int
read_pairs(PyObject *pairs, Pair **out, Py_ssize_t *count)
{
    PyObject *seq = PySequence_Fast(pairs, "affix pairs must be a sequence");
    if (seq == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    *out = PyMem_Calloc((size_t)n + 1, sizeof(Pair));
    if (*out == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    *count = n + 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        Pair *p = &(*out)[i + 1];
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2 || ucs4_of(PyTuple_GET_ITEM(item, 0), &p->from, &p->nfrom) < 0 ||
            ucs4_of(PyTuple_GET_ITEM(item, 1), &p->to, &p->nto) < 0) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "an affix pair must be (str, str)");
            Py_DECREF(seq);
            return -1;
        }
    }
    Py_DECREF(seq);
    return 0;
}

static void
free_pairs(Pair *pairs, Py_ssize_t n)
{
    if (pairs == NULL)
        return;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyMem_Free(pairs[i].from);
        PyMem_Free(pairs[i].to);
    }
    PyMem_Free(pairs);
}

static int
read_groups(TextScanObject *self, PyObject *rules)
{
    PyObject *seq = PySequence_Fast(rules, "rules must be a sequence");
    if (seq == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    self->groups = PyMem_Calloc((size_t)n + 1, sizeof(Group));
    if (self->groups == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    self->ngroups = n;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *r = PySequence_Fast_GET_ITEM(seq, i);
        Group *g = &self->groups[i];
        if (!PyTuple_Check(r) || PyTuple_GET_SIZE(r) != 6) {
            PyErr_SetString(PyExc_TypeError, "a rule is (script, prefixes, suffixes, min_stem, always, last)");
            Py_DECREF(seq);
            return -1;
        }
        g->script = (int)PyLong_AsLong(PyTuple_GET_ITEM(r, 0));
        g->min_stem = (int)PyLong_AsLong(PyTuple_GET_ITEM(r, 3));
        g->always = PyObject_IsTrue(PyTuple_GET_ITEM(r, 4));
        g->last = PyObject_IsTrue(PyTuple_GET_ITEM(r, 5));
        if (PyErr_Occurred() || g->always < 0 || g->last < 0 || read_pairs(PyTuple_GET_ITEM(r, 1), &g->pre, &g->npre) < 0 ||
            read_pairs(PyTuple_GET_ITEM(r, 2), &g->suf, &g->nsuf) < 0) {
            Py_DECREF(seq);
            return -1;
        }
    }
    Py_DECREF(seq);
    return 0;
}

static int
read_elisions(TextScanObject *self, PyObject *elisions)
{
    PyObject *seq = PySequence_Fast(elisions, "elisions must be a sequence");
    if (seq == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    self->elisions = PyMem_Calloc((size_t)n + 1, sizeof(Pair));
    if (self->elisions == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    self->nelisions = n;
    for (Py_ssize_t i = 0; i < n; i++)
        if (ucs4_of(PySequence_Fast_GET_ITEM(seq, i), &self->elisions[i].from, &self->elisions[i].nfrom) < 0) {
            Py_DECREF(seq);
            return -1;
        }
    Py_DECREF(seq);
    return 0;
}

static int
read_tables(TextScanObject *self, PyObject *tables)
{
    if (!PyTuple_Check(tables) || PyTuple_GET_SIZE(tables) != 5) {
        PyErr_SetString(PyExc_TypeError, "tables must be (info, lower, fold, script, astral)");
        return -1;
    }
    if (get_items(PyTuple_GET_ITEM(tables, 0), &self->info, 2, 0x10000, "info") < 0)
        return -1;
    if (get_items(PyTuple_GET_ITEM(tables, 1), &self->lower, 2, 0x10000, "lower") < 0)
        return -1;
    if (get_items(PyTuple_GET_ITEM(tables, 2), &self->fold, 2, 0x10000, "fold") < 0)
        return -1;
    if (get_items(PyTuple_GET_ITEM(tables, 3), &self->script, 1, 0x10000, "script") < 0)
        return -1;
    PyObject *seq = PySequence_Fast(PyTuple_GET_ITEM(tables, 4), "astral ranges must be a sequence");
    if (seq == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    self->astral = PyMem_Calloc(2 * (size_t)n + 2, sizeof(Py_UCS4));
    if (self->astral == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    self->nastral = n;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *r = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyTuple_Check(r) || PyTuple_GET_SIZE(r) != 2) {
            Py_DECREF(seq);
            PyErr_SetString(PyExc_TypeError, "an astral range is (first, last)");
            return -1;
        }
        self->astral[2 * i] = (Py_UCS4)PyLong_AsUnsignedLong(PyTuple_GET_ITEM(r, 0));
        self->astral[2 * i + 1] = (Py_UCS4)PyLong_AsUnsignedLong(PyTuple_GET_ITEM(r, 1));
    }
    Py_DECREF(seq);
    return PyErr_Occurred() ? -1 : 0;
}

static void
TextScan_dealloc(TextScanObject *self)
{
    Py_XDECREF(self->text);
    Py_XDECREF(self->keys);
    Py_buffer *views[] = {&self->flags, &self->rank, &self->info, &self->lower, &self->fold, &self->script};
    for (size_t i = 0; i < sizeof(views) / sizeof(views[0]); i++)
        if (views[i]->obj != NULL)
            PyBuffer_Release(views[i]);
    PyMem_Free(self->astral);
    if (self->groups != NULL)
        for (Py_ssize_t g = 0; g < self->ngroups; g++) {
            free_pairs(self->groups[g].pre, self->groups[g].npre);
            free_pairs(self->groups[g].suf, self->groups[g].nsuf);
        }
    PyMem_Free(self->groups);
    if (self->elisions != NULL)
        for (Py_ssize_t i = 0; i < self->nelisions; i++)
            PyMem_Free(self->elisions[i].from);
    PyMem_Free(self->elisions);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
TextScan_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *text, *flags, *rank, *keys, *tables, *rules, *elisions, *costs;
    if (!PyArg_ParseTuple(args, "OOOOOOOO:TextScan", &text, &flags, &rank, &keys, &tables, &rules, &elisions, &costs))
        return NULL;
    if (!PyObject_TypeCheck(text, &StringTableType) || !PyObject_TypeCheck(keys, &StringTableType) ||
        !((StringTableObject *)text)->has_slots || !((StringTableObject *)keys)->has_slots) {
        PyErr_SetString(PyExc_TypeError, "text and keys must be StringTables with hash tables");
        return NULL;
    }
    TextScanObject *self = (TextScanObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->text = (StringTableObject *)Py_NewRef(text);
    self->keys = (StringTableObject *)Py_NewRef(keys);
    Py_ssize_t count = ((StringTableObject *)text)->count;
    if (get_items(flags, &self->flags, 1, count, "flags") < 0 || get_items(rank, &self->rank, 1, count, "rank") < 0 ||
        read_tables(self, tables) < 0 || read_groups(self, rules) < 0 || read_elisions(self, elisions) < 0)
        goto fail;
    if (!PyTuple_Check(costs) || PyTuple_GET_SIZE(costs) != 4) {
        PyErr_SetString(PyExc_TypeError, "costs must be four ints");
        goto fail;
    }
    for (int i = 0; i < 4; i++)
        self->costs[i] = PyLong_AsLong(PyTuple_GET_ITEM(costs, i));
    if (PyErr_Occurred())
        goto fail;
    return (PyObject *)self;
fail:
    Py_DECREF(self);
    return NULL;
}

static PyMethodDef TextScan_methods[] = {
    {"scan", (PyCFunction)(void (*)(void))TextScan_scan, METH_FASTCALL,
     "scan(text, lo, hi, off=0) -> the hits of text[lo:hi] (rule groups of the bits of off not read), four ints each: start, end, key row, info."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject TextScanType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "toponym._speedups.TextScan",
    .tp_basicsize = sizeof(TextScanObject),
    .tp_dealloc = (destructor)TextScan_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "TextScan(text, flags, rank, keys, tables, rules, elisions, costs): key hits in running text.",
    .tp_methods = TextScan_methods,
    .tp_new = TextScan_new,
};
