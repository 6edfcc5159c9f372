/* StringTable: one blob of newline-ended UTF-8 strings with their offsets, and optionally the
 * open-addressing hash table over them (the Python twin: toponym/index/strings.py, PyStringTable).
 * A lone surrogate is no stored string: row() answers -1 and equals() False, as the twin does. */
#include "common.h"

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
    int unencodable;
    const char *raw = utf8_of(key, &len, &unencodable);
    if (raw == NULL)
        return unencodable ? PyLong_FromLong(-1) : NULL;
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
    int unencodable;
    const char *raw = utf8_of(args[1], &len, &unencodable);
    if (raw == NULL)
        return unencodable ? Py_NewRef(Py_False) : NULL;
    const char *stored = string_at(self, i, &size);
    if (stored != NULL && size == len && memcmp(stored, raw, (size_t)len) == 0)
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

static PyObject *
StringTable_string(StringTableObject *self, PyObject *arg)
{
    Py_ssize_t i = PyLong_AsSsize_t(arg);
    if (i == -1 && PyErr_Occurred())
        return NULL;
    if (i < 0 || i >= self->count) {
        PyErr_SetString(PyExc_IndexError, "string row out of range");
        return NULL;
    }
    Py_ssize_t size;
    const char *stored = string_at(self, i, &size);
    if (stored == NULL) {
        PyErr_SetString(PyExc_ValueError, "corrupt string offsets");
        return NULL;
    }
    return PyUnicode_DecodeUTF8(stored, size, "replace");
}

static PyMethodDef StringTable_methods[] = {
    {"string", (PyCFunction)StringTable_string, METH_O, "string(i) -> string i, decoded."},
    {"row", (PyCFunction)StringTable_row, METH_O, "row(key) -> the row of key in the hash table, or -1."},
    {"equals", (PyCFunction)(void (*)(void))StringTable_equals, METH_FASTCALL,
     "equals(i, text) -> whether string i is text."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject StringTableType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "toponym._speedups.StringTable",
    .tp_basicsize = sizeof(StringTableObject),
    .tp_dealloc = (destructor)StringTable_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "StringTable(buffer, base, offsets, slots=None, row_bits=0): strings in a blob, looked up in C.",
    .tp_methods = StringTable_methods,
    .tp_new = StringTable_new,
};

Py_ssize_t
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
