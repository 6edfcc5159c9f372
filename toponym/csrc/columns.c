/* Whole-column passes an index makes when it opens (toponym/index/columns.py is the reference):
 * the section checksum, where each newline-ended string starts, and the counts, bounds, order
 * and sums the structure checks hold a column to. Python runs these in numpy; here they spare
 * a process that only resolves names the import of numpy and a pass over each blob. */
#include "common.h"

/* ---- checksum ------------------------------------------------------------------------------- */

#define CHECKSUM_BLOCK 4096 /* words per block of the position-weighted sum */
#define CHECKSUM_MIX 0x9E3779B97F4A7C15ull
/* Block weights are even (2, 4, 6, ...): with an odd weight, a flip of a word's top bit moved the
 * plain sum and the weighted one by 2^63 each, and the two cancelled. */

static inline uint64_t
load_le64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int k = 7; k >= 0; k--)
        v = (v << 8) | p[k];
    return v;
}

static PyObject *
columns_checksum(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer data;
    if (nargs != 1) {
        PyErr_SetString(PyExc_TypeError, "checksum(data)");
        return NULL;
    }
    if (PyObject_GetBuffer(args[0], &data, PyBUF_C_CONTIGUOUS) < 0)
        return NULL;
    const unsigned char *p = (const unsigned char *)data.buf;
    uint64_t size = (uint64_t)data.len, count = size / 8, full = count / CHECKSUM_BLOCK * CHECKSUM_BLOCK;
    uint64_t nblocks = full / CHECKSUM_BLOCK, plain = 0, placed = 0, rest = 0, tail = 0;
    Py_BEGIN_ALLOW_THREADS
    for (uint64_t b = 0; b < nblocks; b++) {
        uint64_t sum = 0;
        const unsigned char *q = p + b * CHECKSUM_BLOCK * 8;
        for (int w = 0; w < CHECKSUM_BLOCK; w++)
            sum += load_le64(q + (size_t)w * 8);
        plain += sum;
        placed += sum * 2 * (b + 1);
    }
    for (uint64_t w = full; w < count; w++)
        rest += load_le64(p + w * 8);
    for (uint64_t k = size; k > count * 8; k--)
        tail = (tail << 8) | p[k - 1];
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&data);
    rest += tail;
    plain += rest;
    placed += rest * 2 * (nblocks + 1);
    return PyLong_FromUnsignedLongLong(plain + CHECKSUM_MIX * placed + size * CHECKSUM_MIX * CHECKSUM_MIX);
}

/* ---- string starts -------------------------------------------------------------------------- */

static PyObject *
columns_line_starts(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer blob;
    if (nargs != 1) {
        PyErr_SetString(PyExc_TypeError, "line_starts(blob)");
        return NULL;
    }
    if (PyObject_GetBuffer(args[0], &blob, PyBUF_C_CONTIGUOUS) < 0)
        return NULL;
    if ((uint64_t)blob.len > UINT32_MAX) {
        PyBuffer_Release(&blob);
        PyErr_SetString(PyExc_ValueError, "a blob over 4 GB has no 32-bit string offsets");
        return NULL;
    }
    /* counted byte by byte (a loop the compiler vectorises), then found with memchr: of the ways
     * measured on the shipped blobs (strings of 16 bytes on average), the fastest pair */
    const char *start = (const char *)blob.buf, *end = start + blob.len;
    Py_ssize_t lines = 0;
    for (Py_ssize_t i = 0; i < blob.len; i++)
        lines += start[i] == '\n';
    PyObject *out = PyBytes_FromStringAndSize(NULL, (lines + 1) * (Py_ssize_t)sizeof(uint32_t));
    if (out != NULL) {
        uint32_t *offsets = (uint32_t *)PyBytes_AS_STRING(out), *next = offsets;
        *next++ = 0;
        for (const char *at = start; at < end && (at = memchr(at, '\n', (size_t)(end - at))) != NULL; at++)
            *next++ = (uint32_t)(at - start + 1);
    }
    PyBuffer_Release(&blob);
    return out;
}

/* ---- integer columns ------------------------------------------------------------------------ */

/* The item format of a column of integers that fit an int64 ('b'..'q', native byte order), or 0
 * with a TypeError set. */
static char
column_format(const Py_buffer *view)
{
    const char *f = view->format != NULL ? view->format : "B";
    if (*f == '@' || *f == '=')
        f++;
    static const char codes[] = "bBhHiIlq";
    static const Py_ssize_t sizes[] = {1, 1, 2, 2, 4, 4, sizeof(long), 8};
    const char *hit = f[0] != '\0' && f[1] == '\0' ? strchr(codes, f[0]) : NULL;
    if (hit == NULL || view->itemsize != sizes[hit - codes] || view->ndim > 1) {
        PyErr_Format(PyExc_TypeError, "a column must hold signed or unsigned integers, not format %s", view->format);
        return 0;
    }
    return *hit;
}

static inline int64_t
column_at(const Py_buffer *view, char fmt, Py_ssize_t i)
{
    const char *at = (const char *)view->buf + i * view->itemsize;
    switch (fmt) {
    case 'b': return *(const int8_t *)at;
    case 'B': return *(const uint8_t *)at;
    case 'h': return *(const int16_t *)at;
    case 'H': return *(const uint16_t *)at;
    case 'i': return *(const int32_t *)at;
    case 'I': return *(const uint32_t *)at;
    case 'l': return *(const long *)at;
    default: return *(const int64_t *)at;
    }
}

static int
column_open(PyObject *obj, Py_buffer *view, char *fmt, Py_ssize_t *count)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        return -1;
    *fmt = column_format(view);
    if (*fmt == 0) {
        PyBuffer_Release(view);
        return -1;
    }
    *count = view->len / view->itemsize;
    return 0;
}

/* The one argument of a pass over a column (usage names the call in the TypeError otherwise). */
static int
one_column(PyObject *const *args, Py_ssize_t nargs, const char *usage, Py_buffer *view, char *fmt, Py_ssize_t *count)
{
    if (nargs != 1) {
        PyErr_SetString(PyExc_TypeError, usage);
        return -1;
    }
    return column_open(args[0], view, fmt, count);
}

static PyObject *
columns_strays(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer view;
    char fmt;
    Py_ssize_t count, stray = 0;
    int64_t allow[2];
    if (nargs != 4 || !PyTuple_Check(args[3]) || PyTuple_GET_SIZE(args[3]) > 2) {
        PyErr_SetString(PyExc_TypeError, "strays(column, low, high, allow) with at most two allowed values");
        return NULL;
    }
    Py_ssize_t nallow = PyTuple_GET_SIZE(args[3]);
    int64_t low = PyLong_AsLongLong(args[1]), high = PyLong_AsLongLong(args[2]);
    for (Py_ssize_t k = 0; k < nallow; k++)
        allow[k] = PyLong_AsLongLong(PyTuple_GET_ITEM(args[3], k));
    if (PyErr_Occurred() || column_open(args[0], &view, &fmt, &count) < 0)
        return NULL;
    for (Py_ssize_t i = 0; i < count; i++) {
        int64_t v = column_at(&view, fmt, i);
        if ((v < low || v >= high) && !(nallow > 0 && v == allow[0]) && !(nallow > 1 && v == allow[1]))
            stray++;
    }
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(stray);
}

static PyObject *
columns_bounds(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer view;
    char fmt;
    Py_ssize_t count;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "bounds(column, mask)");
        return NULL;
    }
    int64_t mask = PyLong_AsLongLong(args[1]);
    if ((mask == -1 && PyErr_Occurred()) || column_open(args[0], &view, &fmt, &count) < 0)
        return NULL;
    if (count == 0) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "an empty column has no bounds");
        return NULL;
    }
    int64_t lo = column_at(&view, fmt, 0) & mask, hi = lo;
    for (Py_ssize_t i = 1; i < count; i++) {
        int64_t v = column_at(&view, fmt, i) & mask;
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
    }
    PyBuffer_Release(&view);
    return Py_BuildValue("(LL)", (long long)lo, (long long)hi);
}

static PyObject *
columns_ascending(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer view;
    char fmt;
    Py_ssize_t count;
    if (one_column(args, nargs, "ascending(column)", &view, &fmt, &count) < 0)
        return NULL;
    int ordered = 1;
    for (Py_ssize_t i = 1; i < count && ordered; i++)
        ordered = column_at(&view, fmt, i - 1) <= column_at(&view, fmt, i);
    PyBuffer_Release(&view);
    return PyBool_FromLong(ordered);
}

static PyObject *
columns_total(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer view;
    char fmt;
    Py_ssize_t count;
    if (one_column(args, nargs, "total(column)", &view, &fmt, &count) < 0)
        return NULL;
    PyObject *sum = PyLong_FromLong(0);
    int64_t part = 0; /* summed in int64, and added to the Python int before it would overflow */
    for (Py_ssize_t i = 0; i <= count && sum != NULL; i++) {
        int64_t v = i < count ? column_at(&view, fmt, i) : 0;
        if (i == count || (v > 0 && part > INT64_MAX - v) || (v < 0 && part < INT64_MIN - v)) {
            PyObject *add = PyLong_FromLongLong(part);
            PyObject *next = add != NULL ? PyNumber_Add(sum, add) : NULL;
            Py_XDECREF(add);
            Py_SETREF(sum, next);
            part = 0;
        }
        part += v;
    }
    PyBuffer_Release(&view);
    return sum;
}

static PyObject *
columns_running_total(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer view;
    char fmt;
    Py_ssize_t count;
    if (one_column(args, nargs, "running_total(column)", &view, &fmt, &count) < 0)
        return NULL;
    PyObject *out = PyBytes_FromStringAndSize(NULL, (count + 1) * (Py_ssize_t)sizeof(uint32_t));
    if (out != NULL) {
        uint32_t *first = (uint32_t *)PyBytes_AS_STRING(out), sum = 0;
        first[0] = 0;
        for (Py_ssize_t i = 0; i < count; i++)
            first[i + 1] = sum += (uint32_t)column_at(&view, fmt, i);
    }
    PyBuffer_Release(&view);
    return out;
}

PyMethodDef columns_methods[] = {
    {"checksum", (PyCFunction)(void (*)(void))columns_checksum, METH_FASTCALL,
     "checksum(data) -> the 64-bit checksum of a section (toponym.index.columns)."},
    {"line_starts", (PyCFunction)(void (*)(void))columns_line_starts, METH_FASTCALL,
     "line_starts(blob) -> bytes: uint32 start of every newline-ended string, then the end."},
    {"strays", (PyCFunction)(void (*)(void))columns_strays, METH_FASTCALL,
     "strays(column, low, high, allow) -> how many values lie outside low..high-1 and allow."},
    {"bounds", (PyCFunction)(void (*)(void))columns_bounds, METH_FASTCALL,
     "bounds(column, mask) -> (min, max) of every value & mask."},
    {"ascending", (PyCFunction)(void (*)(void))columns_ascending, METH_FASTCALL,
     "ascending(column) -> no value is smaller than the one before it."},
    {"total", (PyCFunction)(void (*)(void))columns_total, METH_FASTCALL, "total(column) -> the sum of every value."},
    {"running_total", (PyCFunction)(void (*)(void))columns_running_total, METH_FASTCALL,
     "running_total(column) -> bytes: uint32 sums of the values before each row, then the total."},
    {NULL, NULL, 0, NULL},
};
