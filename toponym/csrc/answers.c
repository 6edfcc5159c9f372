/* Answers: the compiled answer to a query that is a stored spelling, read into a result object
 * (the Python twin: toponym/resolver/answers.py, PyAnswers).
 *
 * The build recorded, for every stored name, the name row a bare query spelling it resolves to,
 * how (a method code) and why (an explanation index): toponym/build/defaults.py. This type only
 * finds the query's row in the names' hash table, reads that record and the answering name's
 * columns, and hands the values, looked up in tables Python gives it, to a maker. It decides
 * nothing: a query that is no stored spelling, or whose answer is ranked at query time, returns
 * NotImplemented and Python answers it. */
#include "common.h"

enum { COL_ANSWER, COL_METHOD, COL_EXPLAIN, COL_PLACE, COL_LANG, COL_TYPE, COL_PERSP, NCOLS };
enum { TAB_METHODS, TAB_SCORES, TAB_LANGS, TAB_TYPES, TAB_PERSPECTIVES, TAB_EXPLANATIONS, NTABS };
static const Py_ssize_t col_size[NCOLS] = {4, 1, 2, 4, 2, 1, 2};
static const char *col_name[NCOLS] = {"answer", "method", "explain", "place", "lang", "type", "persp"};

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    StringTableObject *names;
    Py_buffer cols[NCOLS];
    PyObject *tables[NTABS]; /* tuples */
    PyObject *places;        /* list of places by row; None where not built yet */
    PyObject *build;         /* build(row) -> the place at row (and fills places) */
    PyObject *make;          /* make(place, score, method, matched, lang, query, type, perspective, explanation) */
    int ncols;
} AnswersObject;

static int
Answers_traverse(AnswersObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->names);
    for (int t = 0; t < NTABS; t++)
        Py_VISIT(self->tables[t]);
    Py_VISIT(self->places);
    Py_VISIT(self->build);
    Py_VISIT(self->make);
    return 0;
}

static int
Answers_clear(AnswersObject *self)
{
    Py_CLEAR(self->names);
    for (int t = 0; t < NTABS; t++)
        Py_CLEAR(self->tables[t]);
    Py_CLEAR(self->places);
    Py_CLEAR(self->build);
    Py_CLEAR(self->make);
    return 0;
}

static void
Answers_dealloc(AnswersObject *self)
{
    PyObject_GC_UnTrack(self);
    for (int c = 0; c < self->ncols; c++)
        PyBuffer_Release(&self->cols[c]);
    Answers_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Item i of a tuple of the tables, or NULL and an IndexError (a corrupt index). */
static inline PyObject *
table_item(AnswersObject *self, int t, Py_ssize_t i)
{
    PyObject *tab = self->tables[t];
    if (i < 0 || i >= PyTuple_GET_SIZE(tab)) {
        PyErr_SetString(PyExc_IndexError, "an answers record points outside its tables");
        return NULL;
    }
    return PyTuple_GET_ITEM(tab, i);
}

#define COL(self, c, T, i) (((const T *)(self)->cols[c].buf)[i])

static PyObject *
Answers_call(AnswersObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (PyVectorcall_NARGS(nargsf) != 1 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) ||
        !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "answers(query) takes one str");
        return NULL;
    }
    PyObject *query = args[0];
    Py_ssize_t len;
    int unencodable;
    const char *raw = utf8_of(query, &len, &unencodable);
    if (raw == NULL)
        return unencodable ? Py_NewRef(Py_NotImplemented) : NULL;
    Py_ssize_t row = table_find(self->names, raw, len), nnames = self->names->count;
    if (row < 0)
        Py_RETURN_NOTIMPLEMENTED;
    int32_t answer = COL(self, COL_ANSWER, int32_t, row);
    if (answer == RANK_AT_QUERY)
        Py_RETURN_NOTIMPLEMENTED;
    if (answer < 0)
        Py_RETURN_NONE;
    if (answer >= nnames) {
        PyErr_SetString(PyExc_IndexError, "an answers record points outside the names");
        return NULL;
    }
    uint8_t method = COL(self, COL_METHOD, uint8_t, row) & METHOD_MASK;
    uint32_t p = COL(self, COL_PLACE, uint32_t, answer);
    if ((Py_ssize_t)p >= PyList_GET_SIZE(self->places)) {
        PyErr_SetString(PyExc_IndexError, "an answers record points outside the places");
        return NULL;
    }
    PyObject *place = PyList_GET_ITEM(self->places, p); /* borrowed */
    PyObject *owned = NULL;
    if (place == Py_None) {
        owned = PyObject_CallFunction(self->build, "n", (Py_ssize_t)p);
        if (owned == NULL)
            return NULL;
        place = owned;
    }
    PyObject *vals[9] = {place};
    vals[1] = table_item(self, TAB_SCORES, method);
    vals[2] = table_item(self, TAB_METHODS, method);
    vals[4] = table_item(self, TAB_LANGS, COL(self, COL_LANG, uint16_t, answer));
    vals[5] = query;
    vals[6] = table_item(self, TAB_TYPES, COL(self, COL_TYPE, uint8_t, answer));
    vals[7] = table_item(self, TAB_PERSPECTIVES, COL(self, COL_PERSP, uint16_t, answer));
    vals[8] = table_item(self, TAB_EXPLANATIONS, COL(self, COL_EXPLAIN, uint16_t, row));
    PyObject *matched = NULL;
    if (method == METHOD_EXACT) {
        vals[3] = query;
    } else {
        Py_ssize_t size;
        const char *stored = string_at(self->names, answer, &size);
        if (stored == NULL) {
            PyErr_SetString(PyExc_ValueError, "corrupt string offsets");
        } else {
            matched = PyUnicode_DecodeUTF8(stored, size, "replace");
            vals[3] = matched;
        }
    }
    PyObject *out = NULL;
    if (vals[1] && vals[2] && vals[3] && vals[4] && vals[6] && vals[7] && vals[8])
        out = PyObject_Vectorcall(self->make, vals, 9, NULL);
    Py_XDECREF(matched);
    Py_XDECREF(owned);
    return out;
}

/* Answers(names, columns, tables, places, build, make): names is the StringTable of the names with
 * their hash table; columns the per-name buffers (answer i32, method u8, explain u16, place u32,
 * lang u16, type u8, persp u16); tables the tuples the records index (methods, scores, langs,
 * types, perspectives, explanations). */
static PyObject *
Answers_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"names", "columns", "tables", "places", "build", "make", NULL};
    PyObject *names, *columns, *tables, *places, *build, *make;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!O!O!O!OO:Answers", kwlist, &StringTableType, &names,
                                     &PyTuple_Type, &columns, &PyTuple_Type, &tables, &PyList_Type, &places, &build,
                                     &make))
        return NULL;
    if (!((StringTableObject *)names)->has_slots || PyTuple_GET_SIZE(columns) != NCOLS ||
        PyTuple_GET_SIZE(tables) != NTABS || !PyCallable_Check(build) || !PyCallable_Check(make)) {
        PyErr_SetString(PyExc_TypeError, "Answers(names with a hash table, 7 columns, 6 tables, places, build, make)");
        return NULL;
    }
    for (int t = 0; t < NTABS; t++) {
        if (!PyTuple_Check(PyTuple_GET_ITEM(tables, t))) {
            PyErr_SetString(PyExc_TypeError, "Answers: every table must be a tuple");
            return NULL;
        }
    }
    AnswersObject *self = (AnswersObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    Py_ssize_t count = ((StringTableObject *)names)->count;
    for (; self->ncols < NCOLS; self->ncols++) {
        int c = self->ncols;
        if (get_items(PyTuple_GET_ITEM(columns, c), &self->cols[c], col_size[c], count, col_name[c]) < 0) {
            Py_DECREF(self);
            return NULL;
        }
    }
    self->names = (StringTableObject *)Py_NewRef(names);
    for (int t = 0; t < NTABS; t++)
        self->tables[t] = Py_NewRef(PyTuple_GET_ITEM(tables, t));
    self->places = Py_NewRef(places);
    self->build = Py_NewRef(build);
    self->make = Py_NewRef(make);
    self->vectorcall = (vectorcallfunc)Answers_call;
    return (PyObject *)self;
}

PyTypeObject AnswersType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "toponym._speedups.Answers",
    .tp_basicsize = sizeof(AnswersObject),
    .tp_dealloc = (destructor)Answers_dealloc,
    .tp_vectorcall_offset = offsetof(AnswersObject, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Answers(names, columns, tables, places, build, make): compiled answers to stored spellings.",
    .tp_traverse = (traverseproc)Answers_traverse,
    .tp_clear = (inquiry)Answers_clear,
    .tp_new = Answers_new,
};
