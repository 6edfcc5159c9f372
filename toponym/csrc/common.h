/* Declarations shared by the C sources of toponym._speedups (see module.c for what each holds). */
#ifndef TOPONYM_COMMON_H
#define TOPONYM_COMMON_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <stdint.h>
#include <string.h>

#include "layout.h"

/* Raised whenever a signature or a meaning here changes; toponym/_accel.py refuses any other value. */
#define SPEEDUPS_API 6
/* Longest key the blocking reads, in characters. */
#define MAX_KEY 1024

/* A hint to fetch memory that a loop reads a few steps later (the fuzzy tables are read at random). */
#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

/* ---- CRC-32, the polynomial and conventions of zlib.crc32 ---------------------------------- */

extern uint32_t crc_table[256];
void crc_init(void);

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
int get_items(PyObject *obj, Py_buffer *view, Py_ssize_t itemsize, Py_ssize_t count, const char *what);

/* The UTF-8 bytes of the str obj (its length in *len), or NULL: with an exception set, or, when obj
 * holds a lone surrogate (which no stored string does), with *unencodable set and no exception. */
static inline const char *
utf8_of(PyObject *obj, Py_ssize_t *len, int *unencodable)
{
    *unencodable = 0;
    const char *raw = PyUnicode_AsUTF8AndSize(obj, len);
    if (raw == NULL && PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
        PyErr_Clear();
        *unencodable = 1;
    }
    return raw;
}

/* ---- StringTable (strings.c) ---------------------------------------------------------------- */

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

/* The row of the UTF-8 string raw in the table's hash table, or -1. */
Py_ssize_t table_find(StringTableObject *self, const char *raw, Py_ssize_t len);

extern PyTypeObject StringTableType;
extern PyTypeObject BlockingType;
extern PyTypeObject SlotMakerType;
extern PyTypeObject AnswersType;
extern PyTypeObject TextScanType;
/* Module-level functions over whole columns (columns.c). */
extern PyMethodDef columns_methods[];
/* Module-level functions of the blocking (blocking.c). */
extern PyMethodDef blocking_functions[];

#endif
