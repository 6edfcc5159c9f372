/* toponym._speedups: optional compiled twins of toponym's lookup structures.
 *
 * Each type here has a pure-Python twin with the same interface, which is the reference: the
 * tests run one body against both (tests/conformance). Without a C compiler the package builds
 * without this module and uses the Python code; nothing else changes. The C code holds data
 * structures and algorithms only: what a table means is decided in Python.
 *
 *   StringTable  strings in a blob and the hash table over them (strings.c)
 *   Blocking     fuzzy blocking and verification, and lookup_aids, its tables (blocking.c)
 *   SlotMaker    a positional constructor of a slotted class (slots.c)
 *   Answers      compiled answers to stored spellings, read into result objects (answers.c)
 *   TextScan     key hits in running text, in one pass (textscan.c)
 *   checksum, line_starts, strays, bounds, ascending, total, running_total
 *                passes over whole columns when an index opens (columns.c)
 */
#include "common.h"

uint32_t crc_table[256];

void
crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

int
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
    {"crc32", (PyCFunction)(void (*)(void))speedups_crc32, METH_FASTCALL,
     "crc32(data, value=0) -> zlib.crc32(data, value), the hash of the key table and the probes."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT, "toponym._speedups", "Optional compiled twins of toponym's lookup structures (see toponym/_accel.py).", -1,
    module_methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    crc_init();
    if (PyType_Ready(&StringTableType) < 0 || PyType_Ready(&BlockingType) < 0 || PyType_Ready(&SlotMakerType) < 0 ||
        PyType_Ready(&AnswersType) < 0 || PyType_Ready(&TextScanType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&speedups_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "API", SPEEDUPS_API) < 0 ||
        PyModule_AddObjectRef(m, "StringTable", (PyObject *)&StringTableType) < 0 ||
        PyModule_AddObjectRef(m, "Blocking", (PyObject *)&BlockingType) < 0 ||
        PyModule_AddObjectRef(m, "SlotMaker", (PyObject *)&SlotMakerType) < 0 ||
        PyModule_AddObjectRef(m, "Answers", (PyObject *)&AnswersType) < 0 ||
        PyModule_AddObjectRef(m, "TextScan", (PyObject *)&TextScanType) < 0 ||
        PyModule_AddFunctions(m, columns_methods) < 0 || PyModule_AddFunctions(m, blocking_functions) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}