/* SlotMaker: a positional constructor of a slotted class (the Python twin: toponym/_make.py,
 * python_slot_maker). */
#include "common.h"

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

PyTypeObject SlotMakerType = {
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
