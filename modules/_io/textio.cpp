// textio.cpp: _io._TextIOBase, _io.IncrementalNewlineDecoder and
// _io.TextIOWrapper, the text layer: decoding a buffered byte stream
// chunk by chunk, universal newlines, encoding and write-buffering on the
// way out, and tell()/seek() with CPython's opaque cookies. Mirrors
// CPython 3.11 Modules/_io/textio.c. Book chapter 12.
//
// Design notes
// ------------
// * The decoder of a TextIOWrapper is native: an incremental decoder for
//   one of minipy's built-in codecs (utf-8, which keeps an incomplete
//   trailing sequence for the next chunk; ascii and latin-1, which are
//   stateless), followed by IncrementalNewlineDecoder's newline layer when
//   reading in universal-newlines mode. Its state is CPython's: getstate()
//   is (pending bytes, flags) with flags = codec flags << 1 | pendingcr.
// * tell() cookies are CPython's integers: start_pos | dec_flags << 64 |
//   bytes_to_feed << 128 | chars_to_skip << 192 | need_eof << 256, found by
//   the same search (decode forward from the last snapshot, taken before
//   each chunk, until enough characters came out at a point where the
//   decoder holds no bytes), so a program sees the same numbers.
// * Written text is encoded at once and kept in pending_bytes until a
//   chunk's worth (8192 bytes) is there, a newline arrives with
//   line_buffering, or write_through is set.
#include <cstring>
#include <string>

#include "_iomodule.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/codecs.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "../clinic_args.h"

namespace minipy::modules::io {

using namespace runtime;

// --- The newline layer -------------------------------------------------------

// PyUnicode_Substring for the text layer's hot paths: a slice of a 1-byte
// string is copied with memcpy (runtime's unicode_substring goes through a
// UCS-4 writer); the result keeps PEP 393's narrowest kind.
Ref<> text_substring(Object* s, Py_ssize_t start, Py_ssize_t end)
{
    if (start == 0 && end == unicode_length(s)) return new_ref(s);
    if (unicode_kind(s) != PyUnicode_1BYTE_KIND || end - start < 2) return unicode_substring(s, start, end);
    const auto* src = static_cast<const Py_UCS1*>(unicode_data(s)) + start;
    Py_ssize_t n = end - start;
    Py_UCS4 maxchar = 127;
    if (!as_unicode(s)->state.ascii) {
        for (Py_ssize_t i = 0; i < n; i++)
            if (src[i] >= 128) {
                maxchar = 255;
                break;
            }
    }
    Ref<UnicodeObject> r = unicode_new(n, maxchar);
    if (!r) return nullptr;
    std::memcpy(unicode_data(r.get()), src, static_cast<std::size_t>(n));
    return r;
}

Ref<> newline_translate(Object* output, bool* pendingcr, int* seennl, bool translate, bool final)
{
    Ref<> out = new_ref(output);
    Py_ssize_t len = unicode_length(output);
    if (*pendingcr && (final || len > 0)) {
        Ref<> cr = unicode_from_string("\r");
        out = unicode_concat(cr.get(), out.get());
        if (!out) return nullptr;
        *pendingcr = false;
        len++;
    }
    // A final '\r' waits for the next chunk: it may be half of "\r\n".
    if (!final && len > 0 && unicode_read_char(out.get(), len - 1) == '\r') {
        out = text_substring(out.get(), 0, len - 1);
        if (!out) return nullptr;
        *pendingcr = true;
        len--;
    }
    if (len == 0) return out;
    unsigned kind = unicode_kind(out.get());
    const void* data = unicode_data(out.get());
    if (kind == PyUnicode_1BYTE_KIND && !std::memchr(data, '\r', static_cast<std::size_t>(len))) {
        // No '\r' (the common case): only "\n" can have been seen.
        if (std::memchr(data, '\n', static_cast<std::size_t>(len))) *seennl |= SEEN_LF;
        return out;
    }
    bool has_cr = false;
    int seen = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = unicode_read(kind, data, i);
        if (c == '\n') seen |= SEEN_LF;
        else if (c == '\r') {
            has_cr = true;
            if (i + 1 < len && unicode_read(kind, data, i + 1) == '\n') {
                seen |= SEEN_CRLF;
                i++;
            }
            else seen |= SEEN_CR;
        }
    }
    *seennl |= seen;
    if (!translate || !has_cr) return out;
    UnicodeWriter w;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = unicode_read(kind, data, i);
        if (c == '\r') {
            if (i + 1 < len && unicode_read(kind, data, i + 1) == '\n') i++;
            w.write_char('\n');
        }
        else w.write_char(c);
    }
    return w.finish();
}

Ref<> newlines_object(int seennl)
{
    switch (seennl) {
    case SEEN_CR: return unicode_from_string("\r");
    case SEEN_LF: return unicode_from_string("\n");
    case SEEN_CRLF: return unicode_from_string("\r\n");
    default: break;
    }
    if (seennl == 0) return none_ref();
    Ref<> cr = unicode_from_string("\r"), lf = unicode_from_string("\n"), crlf = unicode_from_string("\r\n");
    if (seennl == (SEEN_CR | SEEN_LF)) return tuple_pack({cr.get(), lf.get()});
    if (seennl == (SEEN_CR | SEEN_CRLF)) return tuple_pack({cr.get(), crlf.get()});
    if (seennl == (SEEN_LF | SEEN_CRLF)) return tuple_pack({lf.get(), crlf.get()});
    return tuple_pack({cr.get(), lf.get(), crlf.get()});
}

Py_ssize_t find_line_ending(bool translated, bool universal, Object* readnl, unsigned kind, const void* data,
                            Py_ssize_t start, Py_ssize_t end, Py_ssize_t* consumed)
{
    Py_ssize_t len = end - start;
    if (translated) {
        if (kind == PyUnicode_1BYTE_KIND) {
            const auto* base = static_cast<const char*>(data);
            const void* nl = std::memchr(base + start, '\n', static_cast<std::size_t>(len));
            if (nl) return static_cast<const char*>(nl) - (base + start) + 1;
            *consumed = len;
            return -1;
        }
        for (Py_ssize_t i = start; i < end; i++)
            if (unicode_read(kind, data, i) == '\n') return i - start + 1;
        *consumed = len;
        return -1;
    }
    if (universal) {
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 c = unicode_read(kind, data, i);
            if (c > '\r') continue;
            if (c == '\n') return i - start + 1;
            if (c == '\r') {
                if (i + 1 < end && unicode_read(kind, data, i + 1) == '\n') return i - start + 2;
                return i - start + 1;
            }
        }
        *consumed = len;
        return -1;
    }
    Py_ssize_t nl_len = unicode_length(readnl);
    Py_UCS4 first = unicode_read_char(readnl, 0);
    for (Py_ssize_t i = start; i < end; i++) {
        if (unicode_read(kind, data, i) != first) continue;
        if (i + nl_len > end) {
            // A partial newline at the end: keep it for the next chunk.
            *consumed = i - start;
            return -1;
        }
        Py_ssize_t k = 1;
        while (k < nl_len && unicode_read(kind, data, i + k) == unicode_read_char(readnl, k)) k++;
        if (k == nl_len) return i - start + nl_len;
    }
    *consumed = len;
    return -1;
}

// --- IncrementalNewlineDecoder --------------------------------------------------

namespace {

NLDecoderObject* NL(Object* op) { return static_cast<NLDecoderObject*>(op); }

Ref<> nldecoder_tp_new(TypeObject* type, Object*, Object*) { return alloc_instance<NLDecoderObject>(type); }

int nldecoder_init(Object* op, Object* args, Object* kwds)
{
    Object* a[3] = {};
    if (!parse_clinic_tuple_kw("IncrementalNewlineDecoder", args, kwds, {"decoder", "translate", "errors"}, 3, 2, a))
        return -1;
    int translate = object_is_true(a[1]);
    if (translate < 0) return -1;
    NLDecoderObject* self = NL(op);
    set_ref(self->decoder, new_ref(a[0]).release());
    Ref<> errors = a[2] ? new_ref(a[2]) : unicode_from_string("strict");
    if (!errors) return -1;
    set_ref(self->errors, errors.release());
    self->translate = translate != 0;
    self->seennl = 0;
    self->pendingcr = false;
    return 0;
}

void nldecoder_dealloc(Object* op)
{
    clear_ref(NL(op)->decoder);
    clear_ref(NL(op)->errors);
    object_dealloc_memory(op);
}

int nldecoder_traverse(Object* op, visitproc visit, void* arg) { return visit_all({NL(op)->decoder}, visit, arg); }
int nldecoder_clear(Object* op)
{
    clear_ref(NL(op)->decoder);
    return 0;
}

bool check_nl_initialized(NLDecoderObject* self)
{
    if (!self->decoder) {
        set_error(Exc_ValueError, "IncrementalNewlineDecoder.__init__() not called");
        return false;
    }
    return true;
}

Ref<> nldecoder_decode(Object* op, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    NLDecoderObject* self = NL(op);
    Object* a[2] = {};
    if (!parse_clinic_args("decode", args, nargs, kwnames, {"input", "final"}, 2, 1, a)) return nullptr;
    int final = a[1] ? object_is_true(a[1]) : 0;
    if (final < 0) return nullptr;
    if (!check_nl_initialized(self)) return nullptr;
    Ref<> output;
    if (self->decoder == Py_None()) output = new_ref(a[0]);
    else {
        Ref<> f = bool_from_long(final);
        output = call_method_kw(self->decoder, "decode", {a[0]}, {{"final", f.get()}});
        if (!output) return nullptr;
    }
    if (!unicode_check(output.get()))
        return format_error(Exc_TypeError, "decoder should return a string result, not '%.200s'",
                            Py_TYPE(output.get())->tp_name);
    return newline_translate(output.get(), &self->pendingcr, &self->seennl, self->translate, final != 0);
}

Ref<> nldecoder_getstate(Object* op, Object*)
{
    NLDecoderObject* self = NL(op);
    if (!check_nl_initialized(self)) return nullptr;
    Ref<> buffer;
    unsigned long long flag = 0;
    if (self->decoder != Py_None()) {
        Ref<> state = call_method(self->decoder, "getstate");
        if (!state) return nullptr;
        if (!tuple_check(state.get()) || tuple_size(state.get()) != 2)
            return format_error(Exc_TypeError, "illegal decoder state");
        buffer = new_ref(tuple_item(state.get(), 0));
        flag = static_cast<unsigned long long>(long_as_long_long(tuple_item(state.get(), 1)));
        if (error_occurred()) return nullptr;
        flag <<= 1;
    }
    else buffer = bytes_from_view("");
    if (self->pendingcr) flag |= 1;
    Ref<> f = long_from_unsigned(flag);
    return tuple_pack({buffer.get(), f.get()});
}

Ref<> nldecoder_setstate(Object* op, Object* state)
{
    NLDecoderObject* self = NL(op);
    if (!check_nl_initialized(self)) return nullptr;
    if (!tuple_check(state) || tuple_size(state) != 2)
        return format_error(Exc_TypeError, "state argument must be a tuple");
    unsigned long long flag = static_cast<unsigned long long>(long_as_long_long(tuple_item(state, 1)));
    if (error_occurred()) return nullptr;
    self->pendingcr = flag & 1;
    if (self->decoder != Py_None()) {
        Ref<> f = long_from_unsigned(flag >> 1);
        Ref<> inner = tuple_pack({tuple_item(state, 0), f.get()});
        return call_method(self->decoder, "setstate", {inner.get()});
    }
    return none_ref();
}

Ref<> nldecoder_reset(Object* op, Object*)
{
    NLDecoderObject* self = NL(op);
    if (!check_nl_initialized(self)) return nullptr;
    self->seennl = 0;
    self->pendingcr = false;
    if (self->decoder != Py_None()) return call_method(self->decoder, "reset");
    return none_ref();
}

Ref<> nldecoder_newlines(Object* op, void*)
{
    if (!check_nl_initialized(NL(op))) return nullptr;
    return newlines_object(NL(op)->seennl);
}

MethodDef nldecoder_methods[] = {
    method_fastkw("decode", nldecoder_decode),
    method_noargs("getstate", nldecoder_getstate),
    method_o("setstate", nldecoder_setstate),
    method_noargs("reset", nldecoder_reset),
    {},
};

GetSetDef nldecoder_getset[] = {
    {"newlines", nldecoder_newlines, nullptr, nullptr, nullptr},
    {},
};

// --- _TextIOBase ---------------------------------------------------------------

Ref<> textiobase_detach(Object*, Object*) { return raise_unsupported("detach"); }
Ref<> textiobase_read(Object*, Object* const*, Py_ssize_t) { return raise_unsupported("read"); }
Ref<> textiobase_readline(Object*, Object* const*, Py_ssize_t) { return raise_unsupported("readline"); }
Ref<> textiobase_write(Object*, Object*) { return raise_unsupported("write"); }
Ref<> textiobase_none(Object*, void*) { return none_ref(); }

MethodDef textiobase_methods[] = {
    method_noargs("detach", textiobase_detach),
    method_fast("read", textiobase_read),
    method_fast("readline", textiobase_readline),
    method_o("write", textiobase_write),
    {},
};

GetSetDef textiobase_getset[] = {
    {"encoding", textiobase_none, nullptr, "Encoding of the text stream.", nullptr},
    {"newlines", textiobase_none, nullptr, "Line endings translated so far.", nullptr},
    {"errors", textiobase_none, nullptr, "The error setting of the decoder or encoder.", nullptr},
    {},
};

}  // namespace

// --- The native decoder of a TextIOWrapper ----------------------------------------

// CODEC_REGISTRY: any other encoding, through the incremental encoder and
// decoder of its codec in the registry (codecs.h), as CPython does for all.
enum Codec : int { CODEC_NONE = 0, CODEC_UTF8 = 1, CODEC_ASCII = 2, CODEC_LATIN1 = 3, CODEC_REGISTRY = 4 };

struct TextDecoderState {
    int codec = CODEC_NONE;
    Ref<> incremental;    // CODEC_REGISTRY: the codec's incremental decoder
    std::string pending;  // the start of an incomplete UTF-8 sequence
    bool universal = false, translate = false, pendingcr = false;
    int seennl = 0;
};

namespace {

// encodings.normalize_encoding plus the aliases of the three codecs.
int codec_for_name(Object* encoding)
{
    std::string n;
    bool punct = false;
    for (char c : unicode_to_std(encoding)) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '.') {
            if (punct && !n.empty()) n += '_';
            punct = false;
            n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        else punct = true;
    }
    for (const char* a : {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001"})
        if (n == a) return CODEC_UTF8;
    for (const char* a : {"ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii",
                          "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii"})
        if (n == a) return CODEC_ASCII;
    for (const char* a : {"latin_1", "latin1", "8859", "cp819", "csisolatin1", "ibm819", "iso8859", "iso8859_1",
                          "iso_8859_1", "iso_8859_1_1987", "iso_ir_100", "l1", "latin"})
        if (n == a) return CODEC_LATIN1;
    return CODEC_NONE;
}

Object* codec_name_object(int codec)
{
    static Object* names[4] = {};
    if (!names[codec]) names[codec] = unicode_from_string(codec == CODEC_UTF8 ? "utf-8" : codec == CODEC_ASCII ? "ascii" : "latin-1").release();
    return names[codec];
}

// Where the incomplete UTF-8 sequence at the end of data starts (data.size()
// when there is none): a lead byte whose continuation bytes so far are
// valid but too few.
std::size_t utf8_incomplete_tail(std::string_view data)
{
    std::size_t n = data.size();
    for (std::size_t back = 1; back <= 3 && back <= n; back++) {
        auto c = static_cast<unsigned char>(data[n - back]);
        if (c >= 0x80 && c < 0xC0) continue;  // a continuation byte: look further back
        if (c < 0xC2 || c > 0xF4) return n;    // ASCII or an invalid lead: nothing pending
        std::size_t need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (back >= need) return n;  // complete
        if (back >= 2) {
            auto c2 = static_cast<unsigned char>(data[n - back + 1]);
            unsigned char lo = 0x80, hi = 0xBF;
            if (c == 0xE0) lo = 0xA0;
            else if (c == 0xED) hi = 0x9F;
            else if (c == 0xF0) lo = 0x90;
            else if (c == 0xF4) hi = 0x8F;
            if (c2 < lo || c2 > hi) return n;  // malformed: let the decoder report it
        }
        return n - back;
    }
    return n;
}

// decoder.decode(input, final) of the whole decoder (codec + newlines).
// input_obj, when given, is a bytes object holding exactly input (decoded
// without a copy when nothing is pending).
Ref<> decoder_decode(TextIOObject* self, std::string_view input, bool final, Object* input_obj = nullptr)
{
    TextDecoderState* d = self->dec;
    if (d->incremental) {
        Ref<> bytes = input_obj ? new_ref(input_obj) : bytes_from_view(input);
        if (!bytes) return nullptr;
        Ref<> out = call_method(d->incremental.get(), "decode", {bytes.get(), final ? Py_True() : Py_False()});
        if (!out) return nullptr;
        if (!unicode_check(out.get()))
            return format_error(Exc_TypeError, "decoder should return a string result, not '%.200s'",
                                Py_TYPE(out.get())->tp_name);
        if (d->universal) return newline_translate(out.get(), &d->pendingcr, &d->seennl, d->translate, final);
        return out;
    }
    std::string buf;
    std::string_view data = input;
    if (!d->pending.empty()) {
        buf = d->pending;
        buf.append(input);
        data = buf;
    }
    // The pending bytes change only when decoding succeeds: after an
    // error the same bytes raise again, as CPython's decoders do.
    std::size_t cut = data.size();
    if (d->codec == CODEC_UTF8 && !final) cut = utf8_incomplete_tail(data);
    Ref<> out;
    if (cut == 0) out = new_ref(unicode_empty());
    else {
        Ref<> bytes = input_obj && buf.empty() && cut == data.size() ? new_ref(input_obj)
                                                                      : bytes_from_view(data.substr(0, cut));
        if (!bytes) return nullptr;
        out = unicode_decode(bytes.get(), codec_name_object(d->codec), self->errors);
        if (!out) return nullptr;
    }
    d->pending.assign(data.substr(cut));
    if (d->universal) return newline_translate(out.get(), &d->pendingcr, &d->seennl, d->translate, final);
    return out;
}

// A registry decoder's state is (bytes, flags); the newline decoder around
// it adds pendingcr as the low bit (IncrementalNewlineDecoder.getstate).
// These cannot report errors: a failing getstate/setstate/reset of a
// registry decoder leaves the state as it is.
void decoder_getstate(TextDecoderState* d, std::string* buffer, long long* flags)
{
    long long inner = 0;
    *buffer = d->pending;
    if (d->incremental) {
        Ref<> st = call_method(d->incremental.get(), "getstate");
        if (st && tuple_check(st.get()) && tuple_size(st.get()) == 2 && bytes_check(tuple_item(st.get(), 0))) {
            *buffer = bytes_view(tuple_item(st.get(), 0));
            inner = long_as_long_long(tuple_item(st.get(), 1));
        }
        if (error_occurred()) error_clear();
    }
    *flags = d->universal ? (inner << 1) | (d->pendingcr ? 1 : 0) : inner;
}

void decoder_setstate(TextDecoderState* d, std::string_view buffer, long long flags)
{
    d->pending.assign(buffer);
    if (d->universal) d->pendingcr = flags & 1;
    if (d->incremental) {
        Ref<> b = bytes_from_view(buffer), f = long_from_long(d->universal ? flags >> 1 : flags);
        Ref<> st = b && f ? tuple_pack({b.get(), f.get()}) : nullptr;
        Ref<> r = st ? call_method(d->incremental.get(), "setstate", {st.get()}) : nullptr;
        if (!r) error_clear();
    }
}

void decoder_reset(TextDecoderState* d)
{
    if (d->incremental) {
        Ref<> r = call_method(d->incremental.get(), "reset");
        if (!r) error_clear();
    }
    d->pending.clear();
    d->pendingcr = false;
    d->seennl = 0;
}

// --- TextIOWrapper ------------------------------------------------------------------

TextIOObject* T(Object* op) { return static_cast<TextIOObject*>(op); }

// CHECK_INITIALIZED and CHECK_ATTACHED (a detached wrapper stays
// initialized: its repr still works).
int check_initialized(TextIOObject* self)
{
    if (!self->ok) {
        set_error(Exc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

int check_attached(TextIOObject* self)
{
    if (check_initialized(self) < 0) return -1;
    if (self->detached) {
        set_error(Exc_ValueError, "underlying buffer has been detached");
        return -1;
    }
    return 0;
}

// CHECK_CLOSED: buffer.closed must be false (read from the FileIO
// directly for the usual open() stack).
int check_closed(TextIOObject* self)
{
    Object* buffer = self->buffer;
    int closed = -1;
    if (Py_TYPE(buffer) == &BufferedReader_Type || Py_TYPE(buffer) == &BufferedWriter_Type ||
        Py_TYPE(buffer) == &BufferedRandom_Type) {
        Object* raw = static_cast<BufferedObject*>(buffer)->raw;
        if (raw && Py_TYPE(raw) == &FileIO_Type) closed = static_cast<FileIOObject*>(raw)->fd < 0;
    }
    if (closed < 0) {
        Ref<> res = object_get_attr(buffer, id("closed"));
        if (!res) return -1;
        closed = object_is_true(res.get());
        if (closed < 0) return -1;
    }
    if (closed) {
        raise_closed();
        return -1;
    }
    return 0;
}

void set_decoded_chars(TextIOObject* self, Ref<> chars)
{
    set_ref(self->decoded_chars, chars.release());
    self->decoded_chars_used = 0;
}

void clear_snapshot(TextIOObject* self)
{
    self->has_snapshot = false;
    clear_ref(self->snapshot_next_input);
}

// The unused decoded characters, at most n (all when n < 0).
Ref<> get_decoded_chars(TextIOObject* self, Py_ssize_t n)
{
    if (!self->decoded_chars) return new_ref(unicode_empty());
    Py_ssize_t avail = unicode_length(self->decoded_chars) - self->decoded_chars_used;
    if (n < 0 || n > avail) n = avail;
    if (n <= 0) return new_ref(unicode_empty());
    Ref<> chars;
    if (self->decoded_chars_used == 0 && n == unicode_length(self->decoded_chars))
        chars = new_ref(self->decoded_chars);
    else chars = text_substring(self->decoded_chars, self->decoded_chars_used, self->decoded_chars_used + n);
    self->decoded_chars_used += n;
    return chars;
}

// Gives pending_bytes to buffer.write(): 0 or -1.
int writeflush(TextIOObject* self)
{
    if (self->pending_bytes->empty()) return 0;
    Ref<> b = bytes_from_view(*self->pending_bytes);
    self->pending_bytes->clear();
    if (!b) return -1;
    Ref<> res = call_method(self->buffer, "write", {b.get()});
    return res ? 0 : -1;
}

Ref<> textiowrapper_tp_new(TypeObject* type, Object*, Object*)
{
    Ref<TextIOObject> self = alloc_instance<TextIOObject>(type);
    if (!self) return nullptr;
    self->pending_bytes = new std::string();
    self->chunk_size = 8192;
    return self;
}

// Sets up the newline fields from newline (null: None): 0 or -1.
int set_newline(TextIOObject* self, Object* newline_obj)
{
    const char* newline = nullptr;
    if (newline_obj) {
        newline = unicode_as_utf8(newline_obj);
        if (!newline) return -1;
        if (newline[0] != '\0' && std::strcmp(newline, "\n") != 0 && std::strcmp(newline, "\r") != 0 &&
            std::strcmp(newline, "\r\n") != 0) {
            format_error(Exc_ValueError, "illegal newline value: %s", newline);
            return -1;
        }
    }
    clear_ref(self->readnl);
    if (newline_obj) self->readnl = new_ref(newline_obj).release();
    self->readuniversal = !newline || newline[0] == '\0';
    self->readtranslate = !newline;
    self->writetranslate = !newline || newline[0] != '\0';
    self->writenl = nullptr;
    if (!self->readuniversal && self->readnl) {
        self->writenl = unicode_as_utf8(self->readnl);
        if (std::strcmp(self->writenl, "\n") == 0) self->writenl = nullptr;
    }
    if (self->dec) {
        self->dec->universal = self->readuniversal;
        self->dec->translate = self->readtranslate;
    }
    return 0;
}

// The incremental decoder and encoder of a CODEC_REGISTRY stream, made
// afresh for the current encoding and errors (none for built-in codecs).
int set_registry_coders(TextIOObject* self, bool seekable)
{
    clear_ref(self->encoder);
    if (self->dec) self->dec->incremental = Ref<>();
    if (self->codec != CODEC_REGISTRY) return 0;
    if (self->dec) {
        self->dec->incremental = codec_incremental_decoder(self->encoding, self->errors);
        if (!self->dec->incremental) return -1;
    }
    if (!self->has_encoder) return 0;
    Ref<> enc = codec_incremental_encoder(self->encoding, self->errors);
    if (!enc) return -1;
    // Appending to a stream that has data: no second byte order mark (the
    // encoder's state 0 says it was written).
    if (seekable) {
        Ref<> pos = call_method(self->buffer, "tell");
        if (!pos) return -1;
        Ref<> zero = long_from_long(0);
        if (!zero) return -1;
        int at_start = object_rich_compare_bool(pos.get(), zero.get(), Py_EQ);
        if (at_start < 0) return -1;
        if (!at_start) {
            Ref<> res = call_method(enc.get(), "setstate", {zero.get()});
            if (!res) return -1;
        }
    }
    self->encoder = enc.release();
    return 0;
}

// TextIOWrapper(buffer, encoding=None, errors=None, newline=None,
//               line_buffering=False, write_through=False)
int textiowrapper_init(Object* op, Object* args, Object* kwds)
{
    TextIOObject* self = T(op);
    Object* a[6] = {};
    if (!parse_clinic_tuple_kw("TextIOWrapper", args, kwds,
                               {"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"}, 6, 1, a))
        return -1;
    self->ok = false;
    self->detached = false;
    const char* argnames[] = {"encoding", "errors", "newline"};
    for (int i = 0; i < 3; i++) {
        Object* v = a[1 + i];
        if (v == Py_None()) a[1 + i] = v = nullptr;
        if (v && !unicode_check(v)) {
            format_error(Exc_TypeError, "TextIOWrapper() argument '%s' must be str or None, not %.50s", argnames[i],
                         Py_TYPE(v)->tp_name);
            return -1;
        }
    }
    int line_buffering = a[4] ? object_is_true(a[4]) : 0;
    int write_through = a[5] ? object_is_true(a[5]) : 0;
    if (line_buffering < 0 || write_through < 0) return -1;
    Object* buffer = a[0];

    Ref<> encoding;
    if (!a[1] || unicode_equal_to_ascii(a[1], "locale")) encoding = unicode_from_string(locale_encoding());
    else encoding = new_ref(a[1]);
    if (!encoding) return -1;
    int codec = codec_for_name(encoding.get());
    if (codec == CODEC_NONE) {
        // Not a built-in codec: the registry's (LookupError when unknown).
        Ref<> info = codec_lookup_text_encoding(encoding.get(), "codecs.open()");
        if (!info) return -1;
        codec = CODEC_REGISTRY;
    }
    Ref<> errors = a[2] ? new_ref(a[2]) : unicode_from_string("strict");
    if (!errors) return -1;

    clear_ref(self->buffer);
    clear_ref(self->encoding);
    clear_ref(self->errors);
    set_decoded_chars(self, nullptr);
    clear_snapshot(self);
    self->pending_bytes->clear();
    delete self->dec;
    self->dec = nullptr;
    if (set_newline(self, a[3]) < 0) return -1;
    self->line_buffering = line_buffering != 0;
    self->write_through = write_through != 0;
    self->codec = codec;
    self->encoding = encoding.release();
    self->errors = errors.release();
    self->buffer = new_ref(buffer).release();
    self->b2cratio = 0.0;

    Ref<> r = call_method(buffer, "readable");
    if (!r) return -1;
    int readable = object_is_true(r.get());
    if (readable < 0) return -1;
    if (readable) {
        self->dec = new TextDecoderState();
        self->dec->codec = codec;
        self->dec->universal = self->readuniversal;
        self->dec->translate = self->readtranslate;
    }
    r = call_method(buffer, "writable");
    if (!r) return -1;
    int writable = object_is_true(r.get());
    if (writable < 0) return -1;
    self->has_encoder = writable != 0;
    r = call_method(buffer, "seekable");
    if (!r) return -1;
    int seekable = object_is_true(r.get());
    if (seekable < 0) return -1;
    if (set_registry_coders(self, seekable) < 0) return -1;
    self->seekable = self->telling = seekable != 0;
    int has_read1 = object_has_attr_string(buffer, "read1");
    if (has_read1 < 0) return -1;
    self->has_read1 = has_read1 != 0;
    self->encoding_start_of_stream = false;
    self->ok = true;
    return 0;
}

void textiowrapper_dealloc(Object* op)
{
    TextIOObject* self = T(op);
    if (!iobase_dealloc_start(op)) return;
    self->ok = false;
    clear_ref(self->buffer);
    clear_ref(self->encoding);
    clear_ref(self->errors);
    clear_ref(self->readnl);
    clear_ref(self->decoded_chars);
    clear_ref(self->snapshot_next_input);
    clear_ref(self->encoder);
    delete self->dec;
    delete self->pending_bytes;
    self->dec = nullptr;
    self->pending_bytes = nullptr;
    object_dealloc_memory(op);
}

int textiowrapper_traverse(Object* op, visitproc visit, void* arg)
{
    if (int r = visit_all({T(op)->buffer}, visit, arg)) return r;
    return iobase_traverse_base(op, visit, arg);
}

int textiowrapper_clear(Object* op)
{
    T(op)->ok = false;
    clear_ref(T(op)->buffer);
    iobase_clear_base(op);
    return 0;
}

Ref<> textiowrapper_detach(Object* op, Object*)
{
    TextIOObject* self = T(op);
    if (check_attached(self) < 0) return nullptr;
    Ref<> res = call_method(op, "flush");
    if (!res) return nullptr;
    Ref<> buffer = steal_ref(self->buffer);
    self->buffer = nullptr;
    self->detached = true;
    return buffer;
}

Ref<> textiowrapper_write(Object* op, Object* text)
{
    TextIOObject* self = T(op);
    if (check_attached(self) < 0) return nullptr;
    if (!unicode_check(text))
        return format_error(Exc_TypeError, "write() argument must be str, not %.50s", Py_TYPE(text)->tp_name);
    if (check_closed(self) < 0) return nullptr;
    if (!self->has_encoder) return raise_unsupported("not writable");
    Py_ssize_t textlen = unicode_length(text);
    Ref<> t = new_ref(text);
    bool haslf = false, hascr = false;
    if ((self->writetranslate && self->writenl) || self->line_buffering) {
        unsigned kind = unicode_kind(text);
        const void* data = unicode_data(text);
        for (Py_ssize_t i = 0; i < textlen; i++) {
            Py_UCS4 c = unicode_read(kind, data, i);
            if (c == '\n') haslf = true;
            else if (c == '\r') hascr = true;
        }
    }
    if (haslf && self->writetranslate && self->writenl) {
        UnicodeWriter w;
        unsigned kind = unicode_kind(text);
        const void* data = unicode_data(text);
        for (Py_ssize_t i = 0; i < textlen; i++) {
            Py_UCS4 c = unicode_read(kind, data, i);
            if (c == '\n') w.write_ascii(self->writenl);
            else w.write_char(c);
        }
        t = w.finish();
        if (!t) return nullptr;
        hascr = hascr || std::strchr(self->writenl, '\r') != nullptr;
    }
    bool text_needflush = self->write_through;
    bool needflush = self->line_buffering && (haslf || hascr);
    if (needflush) text_needflush = true;

    // Encode: UTF-8 without surrogates is the str's cached UTF-8 whatever
    // the error handler (it only acts on surrogates: sys.stdout's is
    // surrogateescape).
    Py_ssize_t n = 0;
    const char* utf8 = nullptr;
    if (self->codec == CODEC_UTF8) {
        utf8 = unicode_as_utf8(t.get(), &n);
        if (!utf8) error_clear();  // lone surrogates: let the codec raise its error
    }
    if (utf8) self->pending_bytes->append(utf8, static_cast<std::size_t>(n));
    else if (self->encoder) {
        Ref<> b = call_method(self->encoder, "encode", {t.get()});
        if (!b) return nullptr;
        if (!bytes_check(b.get()))
            return format_error(Exc_TypeError, "encoder should return a bytes object, not '%.200s'",
                                Py_TYPE(b.get())->tp_name);
        self->pending_bytes->append(bytes_view(b.get()));
    } else {
        Ref<> b = unicode_encode(t.get(), codec_name_object(self->codec), self->errors);
        if (!b) return nullptr;
        self->pending_bytes->append(bytes_view(b.get()));
    }
    if (static_cast<Py_ssize_t>(self->pending_bytes->size()) > self->chunk_size || text_needflush) {
        if (writeflush(self) < 0) return nullptr;
    }
    if (needflush) {
        Ref<> res = call_method(self->buffer, "flush");
        if (!res) return nullptr;
    }
    set_decoded_chars(self, nullptr);
    clear_snapshot(self);
    if (self->dec) decoder_reset(self->dec);
    return long_from_ssize_t(textlen);
}

// _read_chunk: reads and decodes one chunk; 1 when there was data, 0 at
// EOF, -1 on error. With `telling`, snapshots the decoder state before.
int read_chunk(TextIOObject* self, Py_ssize_t size_hint)
{
    if (!self->dec) {
        raise_unsupported("not readable");
        return -1;
    }
    std::string dec_buffer;
    long long dec_flags = 0;
    if (self->telling) decoder_getstate(self->dec, &dec_buffer, &dec_flags);
    if (size_hint > 0) size_hint = static_cast<Py_ssize_t>(std::max(self->b2cratio, 1.0) * static_cast<double>(size_hint));
    Py_ssize_t chunk_size = std::max(self->chunk_size, size_hint);
    Ref<> size = long_from_ssize_t(chunk_size);
    Ref<> input = call_method(self->buffer, self->has_read1 ? "read1" : "read", {size.get()});
    if (!input) return -1;
    std::string chunk;
    if (!bytes_check(input.get())) {
        if (!get_bytes_like(input.get(), &chunk)) {
            error_clear();
            format_error(Exc_TypeError, "underlying %s() should have returned a bytes-like object, not '%.200s'",
                         self->has_read1 ? "read1" : "read", Py_TYPE(input.get())->tp_name);
            return -1;
        }
    }
    std::string_view in = bytes_check(input.get()) ? bytes_view(input.get()) : std::string_view(chunk);
    Py_ssize_t nbytes = static_cast<Py_ssize_t>(in.size());
    bool eof = nbytes == 0;
    Ref<> decoded = decoder_decode(self, in, eof, bytes_check(input.get()) ? input.get() : nullptr);
    if (!decoded) return -1;
    Py_ssize_t nchars = unicode_length(decoded.get());
    set_decoded_chars(self, std::move(decoded));
    self->b2cratio = nchars > 0 ? static_cast<double>(nbytes) / static_cast<double>(nchars) : 0.0;
    if (nchars > 0) eof = false;
    if (self->telling) {
        dec_buffer.append(in);
        Ref<> next_input = bytes_from_view(dec_buffer);
        if (!next_input) return -1;
        set_ref(self->snapshot_next_input, next_input.release());
        self->snapshot_dec_flags = static_cast<int>(dec_flags);
        self->has_snapshot = true;
    }
    return eof ? 0 : 1;
}

Ref<> textiowrapper_read(Object* op, Object* const* args, Py_ssize_t nargs)
{
    TextIOObject* self = T(op);
    if (!check_positional("read", nargs, 0, 1)) return nullptr;
    Py_ssize_t n = -1;
    if (nargs && !convert_optional_size(args[0], &n)) return nullptr;
    if (check_attached(self) < 0) return nullptr;
    if (check_closed(self) < 0) return nullptr;
    if (!self->dec) return raise_unsupported("not readable");
    if (writeflush(self) < 0) return nullptr;
    if (n < 0) {
        Ref<> bytes = call_method(self->buffer, "read");
        if (!bytes) return nullptr;
        if (!bytes_check(bytes.get()))
            return format_error(Exc_TypeError, "underlying read() should have returned a bytes object, not '%.200s'",
                                Py_TYPE(bytes.get())->tp_name);
        Ref<> decoded = decoder_decode(self, bytes_view(bytes.get()), true, bytes.get());
        if (!decoded) return nullptr;
        Ref<> result = get_decoded_chars(self, -1);
        if (!result) return nullptr;
        set_decoded_chars(self, nullptr);
        clear_snapshot(self);
        if (unicode_length(result.get()) == 0) return decoded;
        return unicode_concat(result.get(), decoded.get());
    }
    Ref<> result = get_decoded_chars(self, n);
    if (!result) return nullptr;
    Py_ssize_t remaining = n - unicode_length(result.get());
    if (remaining <= 0) return result;
    UnicodeWriter w;
    w.write_str(result.get());
    while (remaining > 0) {
        int r = read_chunk(self, remaining);
        if (r < 0) return nullptr;
        if (r == 0) break;
        Ref<> more = get_decoded_chars(self, remaining);
        if (!more) return nullptr;
        w.write_str(more.get());
        remaining -= unicode_length(more.get());
    }
    return w.finish();
}

Ref<> readline_impl(TextIOObject* self, Py_ssize_t limit)
{
    if (check_closed(self) < 0) return nullptr;
    if (writeflush(self) < 0) return nullptr;
    Py_ssize_t chunked = 0;
    Ref<> line, remaining;
    UnicodeWriter chunks;
    bool have_chunks = false;
    Py_ssize_t start = 0, endpos = 0, offset_to_buffer = 0;
    for (;;) {
        int res = 1;
        while (!self->decoded_chars || unicode_length(self->decoded_chars) == 0) {
            res = read_chunk(self, 0);
            if (res < 0) return nullptr;
            if (res == 0) break;
        }
        if (res == 0) {
            set_decoded_chars(self, nullptr);
            clear_snapshot(self);
            start = endpos = offset_to_buffer = 0;
            break;
        }
        if (!remaining) {
            line = new_ref(self->decoded_chars);
            start = self->decoded_chars_used;
            offset_to_buffer = 0;
        }
        else {
            line = unicode_concat(remaining.get(), self->decoded_chars);
            if (!line) return nullptr;
            start = 0;
            offset_to_buffer = unicode_length(remaining.get());
            remaining.reset();
        }
        Py_ssize_t line_len = unicode_length(line.get());
        Py_ssize_t consumed = 0;
        Py_ssize_t found = find_line_ending(self->readtranslate, self->readuniversal, self->readnl,
                                            unicode_kind(line.get()), unicode_data(line.get()), start, line_len,
                                            &consumed);
        if (found >= 0) {
            endpos = start + found;
            if (limit >= 0 && (endpos - start) + chunked >= limit) endpos = start + limit - chunked;
            break;
        }
        endpos = consumed + start;
        if (limit >= 0 && (endpos - start) + chunked >= limit) {
            endpos = start + limit - chunked;
            break;
        }
        if (endpos > start) {
            chunks.write_substring(line.get(), start, endpos);
            have_chunks = true;
            chunked += endpos - start;
        }
        if (endpos < line_len) {
            remaining = text_substring(line.get(), endpos, line_len);
            if (!remaining) return nullptr;
        }
        line.reset();
        set_decoded_chars(self, nullptr);
    }
    if (line) {
        self->decoded_chars_used = endpos - offset_to_buffer;
        if (start > 0 || endpos < unicode_length(line.get())) {
            line = text_substring(line.get(), start, endpos);
            if (!line) return nullptr;
        }
    }
    if (remaining) {
        chunks.write_str(remaining.get());
        have_chunks = true;
    }
    if (have_chunks) {
        if (line) chunks.write_str(line.get());
        return chunks.finish();
    }
    if (!line) return new_ref(unicode_empty());
    return line;
}

Ref<> textiowrapper_readline(Object* op, Object* const* args, Py_ssize_t nargs)
{
    TextIOObject* self = T(op);
    if (!check_positional("readline", nargs, 0, 1)) return nullptr;
    Py_ssize_t limit = -1;
    if (nargs) {
        // A plain Py_ssize_t here (None is refused), unlike read().
        if (!index_check(args[0]))
            return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                                Py_TYPE(args[0])->tp_name);
        limit = number_as_ssize_t(args[0], Exc_OverflowError);
        if (limit == -1 && error_occurred()) return nullptr;
    }
    if (check_attached(self) < 0) return nullptr;
    return readline_impl(self, limit);
}

Ref<> textiowrapper_iternext(Object* op)
{
    TextIOObject* self = T(op);
    if (check_attached(self) < 0) return nullptr;
    self->telling = false;
    Ref<> line;
    if (Py_TYPE(op) == &TextIOWrapper_Type) line = readline_impl(self, -1);
    else {
        line = call_method(op, "readline");
        if (line && !unicode_check(line.get()))
            return format_error(Exc_OSError, "readline() should have returned a str object, not '%.200s'",
                                Py_TYPE(line.get())->tp_name);
    }
    if (!line) return nullptr;
    if (unicode_length(line.get()) == 0) {
        clear_snapshot(self);
        self->telling = self->seekable;
        return nullptr;
    }
    return line;
}

Ref<> textiowrapper_flush(Object* op, Object*)
{
    TextIOObject* self = T(op);
    if (check_attached(self) < 0) return nullptr;
    if (check_closed(self) < 0) return nullptr;
    self->telling = self->seekable;
    if (writeflush(self) < 0) return nullptr;
    return call_method(self->buffer, "flush");
}

Ref<> textiowrapper_close(Object* op, Object*)
{
    TextIOObject* self = T(op);
    if (check_attached(self) < 0) return nullptr;
    Ref<> closed = object_get_attr(self->buffer, id("closed"));
    if (!closed) return nullptr;
    int r = object_is_true(closed.get());
    if (r < 0) return nullptr;
    if (r > 0) return none_ref();
    Ref<> exc;
    Ref<> res = call_method(op, "flush");
    if (!res) exc = fetch_exception();
    res = call_method(self->buffer, "close");
    if (exc) {
        if (!res) {
            Ref<> err = fetch_exception();
            exception_set_context(err.get(), std::move(exc));
            restore_exception(std::move(err));
        }
        else restore_exception(std::move(exc));
        return nullptr;
    }
    return res;
}

// --- tell() and seek() cookies ---------------------------------------------------

struct Cookie {
    long long start_pos = 0;
    int dec_flags = 0;
    int bytes_to_feed = 0;
    int chars_to_skip = 0;
    char need_eof = 0;
};

Ref<> build_cookie(const Cookie& c)
{
    // CPython packs the C struct little-endian: start_pos (64 bits) |
    // dec_flags << 64 | bytes_to_feed << 96 | chars_to_skip << 128 |
    // need_eof << 160 (the ints are 32 bits; _pyio's 64-bit fields differ).
    Ref<> res = long_from_long(c.start_pos);
    const unsigned parts[4] = {static_cast<unsigned>(c.dec_flags), static_cast<unsigned>(c.bytes_to_feed),
                               static_cast<unsigned>(c.chars_to_skip), static_cast<unsigned char>(c.need_eof)};
    for (int i = 0; i < 4 && res; i++) {
        if (!parts[i]) continue;
        Ref<> v = long_from_unsigned(parts[i]);
        Ref<> shift = long_from_long(64 + 32 * i);
        Ref<> shifted = v && shift ? number_lshift(v.get(), shift.get()) : nullptr;
        res = shifted ? number_or(res.get(), shifted.get()) : nullptr;
    }
    return res;
}

bool parse_cookie(Object* cookie_obj, Cookie* c)
{
    Ref<> v = number_long(cookie_obj);
    if (!v) return false;
    // The 21 bytes of the packed struct, as build_cookie lays them out.
    const int widths[5] = {64, 32, 32, 32, 8};
    unsigned long long fields[5];
    for (int i = 0; i < 5; i++) {
        Ref<> mask = long_from_unsigned(widths[i] == 64 ? ~0ULL : (1ULL << widths[i]) - 1);
        Ref<> shift = long_from_long(widths[i]);
        Ref<> part = mask ? number_and(v.get(), mask.get()) : nullptr;
        if (!part || !shift) return false;
        if (widths[i] < 64) {
            fields[i] = static_cast<unsigned long long>(long_as_long_long(part.get()));
            if (error_occurred()) return false;
        }
        else {
            // The low 64 bits as two's complement (an off_t).
            int overflow = 0;
            long long lo = long_as_long_long_and_overflow(part.get(), &overflow);
            if (overflow) {
                Ref<> two64 = long_from_unsigned(1ULL << 63);
                Ref<> d = two64 ? number_subtract(part.get(), two64.get()) : nullptr;
                Ref<> d2 = d ? number_subtract(d.get(), two64.get()) : nullptr;
                if (!d2) return false;
                lo = long_as_long_long(d2.get());
            }
            fields[i] = static_cast<unsigned long long>(lo);
        }
        v = number_rshift(v.get(), shift.get());
        if (!v) return false;
    }
    c->start_pos = static_cast<long long>(fields[0]);
    c->dec_flags = static_cast<int>(static_cast<unsigned>(fields[1]));
    c->bytes_to_feed = static_cast<int>(static_cast<unsigned>(fields[2]));
    c->chars_to_skip = static_cast<int>(static_cast<unsigned>(fields[3]));
    c->need_eof = static_cast<char>(fields[4]);
    return true;
}

// _textiowrapper_decoder_setstate: back to the state of a cookie.
void decoder_setstate_cookie(TextIOObject* self, const Cookie& c)
{
    if (c.start_pos == 0 && c.dec_flags == 0) decoder_reset(self->dec);
    else decoder_setstate(self->dec, "", c.dec_flags);
}

Ref<> textiowrapper_tell(Object* op, Object*)
{
    TextIOObject* self = T(op);
    if (check_attached(self) < 0) return nullptr;
    if (check_closed(self) < 0) return nullptr;
    if (!self->seekable) return raise_unsupported("underlying stream is not seekable");
    if (!self->telling) return format_error(Exc_OSError, "telling position disabled by next() call");
    if (writeflush(self) < 0) return nullptr;
    Ref<> res = call_method(op, "flush");
    if (!res) return nullptr;
    Ref<> posobj = call_method(self->buffer, "tell");
    if (!posobj) return nullptr;
    if (!self->dec || !self->has_snapshot) return posobj;
    Cookie cookie;
    cookie.start_pos = long_as_long_long(posobj.get());
    if (cookie.start_pos == -1 && error_occurred()) return nullptr;
    cookie.dec_flags = self->snapshot_dec_flags;
    std::string_view next_input = bytes_view(self->snapshot_next_input);
    cookie.start_pos -= static_cast<long long>(next_input.size());
    if (self->decoded_chars_used == 0) return build_cookie(cookie);
    Py_ssize_t chars_to_skip = self->decoded_chars_used;

    // The decoder's state is restored at the end.
    TextDecoderState saved = *self->dec;
    auto decode_len = [&](std::string_view input, Py_ssize_t* n) {
        Ref<> d = decoder_decode(self, input, false);
        if (!d) return false;
        *n = unicode_length(d.get());
        return true;
    };
    // As CPython's decoder.setstate(saved): the pending bytes and the
    // pending '\r' come back, the newlines seen while searching stay.
    auto restore = [&]() {
        int seen = self->dec->seennl;
        *self->dec = saved;
        self->dec->seennl = seen;
    };
    auto fail = [&]() -> Ref<> {
        restore();
        return nullptr;
    };

    // Fast search for an acceptable start point, close to our position.
    Py_ssize_t skip_bytes = static_cast<Py_ssize_t>(self->b2cratio * static_cast<double>(chars_to_skip));
    Py_ssize_t skip_back = 1;
    Py_ssize_t chars_decoded = 0;
    while (skip_bytes > 0) {
        decoder_setstate_cookie(self, cookie);
        if (skip_bytes > static_cast<Py_ssize_t>(next_input.size())) skip_bytes = static_cast<Py_ssize_t>(next_input.size());
        if (!decode_len(next_input.substr(0, static_cast<std::size_t>(skip_bytes)), &chars_decoded)) return fail();
        if (chars_decoded <= chars_to_skip) {
            std::string dec_buffer;
            long long dec_flags;
            decoder_getstate(self->dec, &dec_buffer, &dec_flags);
            if (dec_buffer.empty()) {
                // Before pos and no bytes buffered in the decoder: good.
                cookie.dec_flags = static_cast<int>(dec_flags);
                chars_to_skip -= chars_decoded;
                break;
            }
            skip_bytes -= static_cast<Py_ssize_t>(dec_buffer.size());
            skip_back = 1;
        }
        else {
            skip_bytes -= skip_back;
            skip_back *= 2;
        }
    }
    if (skip_bytes <= 0) {
        skip_bytes = 0;
        decoder_setstate_cookie(self, cookie);
    }
    cookie.start_pos += skip_bytes;
    cookie.chars_to_skip = static_cast<int>(chars_to_skip);
    if (chars_to_skip == 0) {
        restore();
        return build_cookie(cookie);
    }
    // Feed the decoder one byte at a time, noting the last safe start
    // point (nothing buffered in the decoder).
    chars_decoded = 0;
    std::size_t i = static_cast<std::size_t>(skip_bytes);
    for (; i < next_input.size(); i++) {
        Py_ssize_t n;
        if (!decode_len(next_input.substr(i, 1), &n)) return fail();
        chars_decoded += n;
        cookie.bytes_to_feed += 1;
        std::string dec_buffer;
        long long dec_flags;
        decoder_getstate(self->dec, &dec_buffer, &dec_flags);
        if (dec_buffer.empty() && chars_decoded <= chars_to_skip) {
            cookie.start_pos += cookie.bytes_to_feed;
            chars_to_skip -= chars_decoded;
            cookie.dec_flags = static_cast<int>(dec_flags);
            cookie.bytes_to_feed = 0;
            chars_decoded = 0;
        }
        if (chars_decoded >= chars_to_skip) break;
    }
    if (i >= next_input.size()) {
        // Not enough decoded data: signal EOF to get more.
        Ref<> d = decoder_decode(self, "", true);
        if (!d) return fail();
        chars_decoded += unicode_length(d.get());
        cookie.need_eof = 1;
        if (chars_decoded < chars_to_skip) {
            set_error(Exc_OSError, "can't reconstruct logical file position");
            return fail();
        }
    }
    cookie.chars_to_skip = static_cast<int>(chars_to_skip);
    restore();
    return build_cookie(cookie);
}

Ref<> textiowrapper_seek(Object* op, Object* const* args, Py_ssize_t nargs)
{
    TextIOObject* self = T(op);
    if (!check_positional("seek", nargs, 1, 2)) return nullptr;
    int whence = 0;
    if (nargs > 1) {
        long long w = long_as_long_long(args[1]);
        if (w == -1 && error_occurred()) return nullptr;
        whence = static_cast<int>(w);
    }
    if (check_attached(self) < 0) return nullptr;
    if (check_closed(self) < 0) return nullptr;
    if (!self->seekable) return raise_unsupported("underlying stream is not seekable");
    Ref<> cookie_obj = new_ref(args[0]);
    Ref<> zero = long_from_long(0);
    if (whence == 1 || whence == 2) {
        int cmp = object_rich_compare_bool(cookie_obj.get(), zero.get(), Py_EQ);
        if (cmp < 0) return nullptr;
        if (!cmp)
            return raise_unsupported(whence == 1 ? "can't do nonzero cur-relative seeks"
                                                 : "can't do nonzero end-relative seeks");
        if (whence == 1) {
            // Seeking to the current position syncs the buffer with it.
            cookie_obj = call_method(op, "tell");
            if (!cookie_obj) return nullptr;
        }
        else {
            Ref<> res = call_method(op, "flush");
            if (!res) return nullptr;
            set_decoded_chars(self, nullptr);
            clear_snapshot(self);
            if (self->dec) decoder_reset(self->dec);
            Ref<> two = long_from_long(2);
            return call_method(self->buffer, "seek", {zero.get(), two.get()});
        }
    }
    else if (whence != 0)
        return format_error(Exc_ValueError, "invalid whence (%d, should be %d, %d or %d)", whence, 0, 1, 2);
    int neg = object_rich_compare_bool(cookie_obj.get(), zero.get(), Py_LT);
    if (neg < 0) return nullptr;
    if (neg) return format_error(Exc_ValueError, "negative seek position %R", cookie_obj.get());
    Ref<> res = call_method(op, "flush");
    if (!res) return nullptr;
    Cookie cookie;
    if (!parse_cookie(cookie_obj.get(), &cookie)) return nullptr;
    Ref<> pos = long_from_long(cookie.start_pos);
    res = call_method(self->buffer, "seek", {pos.get()});
    if (!res) return nullptr;
    set_decoded_chars(self, nullptr);
    clear_snapshot(self);
    if (self->dec) decoder_setstate_cookie(self, cookie);
    if (cookie.chars_to_skip) {
        Ref<> n = long_from_long(cookie.bytes_to_feed);
        Ref<> input = call_method(self->buffer, "read", {n.get()});
        if (!input) return nullptr;
        if (!bytes_check(input.get()))
            return format_error(Exc_TypeError, "underlying read() should have returned a bytes object, not '%.200s'",
                                Py_TYPE(input.get())->tp_name);
        set_ref(self->snapshot_next_input, new_ref(input.get()).release());
        self->snapshot_dec_flags = cookie.dec_flags;
        self->has_snapshot = true;
        Ref<> decoded = decoder_decode(self, bytes_view(input.get()), cookie.need_eof != 0);
        if (!decoded) return nullptr;
        Py_ssize_t len = unicode_length(decoded.get());
        set_decoded_chars(self, std::move(decoded));
        if (len < cookie.chars_to_skip) return format_error(Exc_OSError, "can't restore logical file position");
        self->decoded_chars_used = cookie.chars_to_skip;
    }
    else {
        Ref<> empty = bytes_from_view("");
        set_ref(self->snapshot_next_input, empty.release());
        self->snapshot_dec_flags = cookie.dec_flags;
        self->has_snapshot = true;
    }
    return cookie_obj;
}

Ref<> textiowrapper_truncate(Object* op, Object* const* args, Py_ssize_t nargs)
{
    TextIOObject* self = T(op);
    if (!check_positional("truncate", nargs, 0, 1)) return nullptr;
    if (check_attached(self) < 0) return nullptr;
    Ref<> res = call_method(op, "flush");
    if (!res) return nullptr;
    Object* pos = nargs ? args[0] : Py_None();
    return call_method(self->buffer, "truncate", {pos});
}

Ref<> tw_forward(Object* op, const char* name)
{
    TextIOObject* self = T(op);
    if (check_attached(self) < 0) return nullptr;
    return call_method(self->buffer, name);
}
Ref<> textiowrapper_fileno(Object* op, Object*) { return tw_forward(op, "fileno"); }
Ref<> textiowrapper_seekable(Object* op, Object*) { return tw_forward(op, "seekable"); }
Ref<> textiowrapper_readable(Object* op, Object*) { return tw_forward(op, "readable"); }
Ref<> textiowrapper_writable(Object* op, Object*) { return tw_forward(op, "writable"); }
Ref<> textiowrapper_isatty(Object* op, Object*) { return tw_forward(op, "isatty"); }

// reconfigure(*, encoding=None, errors=None, newline=None,
//             line_buffering=None, write_through=None)
Ref<> textiowrapper_reconfigure(Object* op, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    TextIOObject* self = T(op);
    Object* a[5] = {};
    if (!parse_clinic_args("reconfigure", args, nargs, kwnames,
                           {"encoding", "errors", "newline", "line_buffering", "write_through"}, 0, 0, a))
        return nullptr;
    if (check_attached(self) < 0) return nullptr;
    for (int i = 0; i < 3; i++)
        if (a[i] && a[i] != Py_None() && !unicode_check(a[i]))
            return format_error(Exc_TypeError, "reconfigure() argument '%s' must be str or None, not %.50s",
                                i == 0 ? "encoding" : i == 1 ? "errors" : "newline", Py_TYPE(a[i])->tp_name);
    bool newline_given = a[2] != nullptr;
    Object* newline = a[2] == Py_None() ? nullptr : a[2];
    if (self->decoded_chars && ((a[0] && a[0] != Py_None()) || (a[1] && a[1] != Py_None()) || newline_given))
        return raise_unsupported("It is not possible to set the encoding or newline of stream after the first read");
    Ref<> res = call_method(op, "flush");
    if (!res) return nullptr;
    if (a[0] && a[0] != Py_None()) {
        Ref<> enc = unicode_equal_to_ascii(a[0], "locale") ? unicode_from_string(locale_encoding()) : new_ref(a[0]);
        int codec = codec_for_name(enc.get());
        if (codec == CODEC_NONE) {
            Ref<> info = codec_lookup_text_encoding(enc.get(), "codecs.open()");
            if (!info) return nullptr;
            codec = CODEC_REGISTRY;
        }
        set_ref(self->encoding, enc.release());
        self->codec = codec;
        if (self->dec) {
            self->dec->codec = codec;
            self->dec->pending.clear();
        }
        if (!a[1] || a[1] == Py_None()) set_ref(self->errors, unicode_from_string("strict").release());
    }
    if (a[1] && a[1] != Py_None()) set_ref(self->errors, new_ref(a[1]).release());
    if ((a[0] && a[0] != Py_None()) || (a[1] && a[1] != Py_None())) {
        if (set_registry_coders(self, self->seekable) < 0) return nullptr;
    }
    if (newline_given && set_newline(self, newline) < 0) return nullptr;
    if (a[3] && a[3] != Py_None()) {
        int v = object_is_true(a[3]);
        if (v < 0) return nullptr;
        self->line_buffering = v != 0;
    }
    if (a[4] && a[4] != Py_None()) {
        int v = object_is_true(a[4]);
        if (v < 0) return nullptr;
        self->write_through = v != 0;
    }
    return none_ref();
}


Ref<> textiowrapper_repr(Object* op)
{
    TextIOObject* self = T(op);
    const char* tname = Py_TYPE(op)->tp_name;
    if (check_initialized(self) < 0) return nullptr;
    int status = repr_enter(op);
    if (status != 0) {
        if (status > 0) format_error(Exc_RuntimeError, "reentrant call inside %s.__repr__", tname);
        return nullptr;
    }
    UnicodeWriter w;
    w.write_ascii("<");
    w.write_ascii(tname);
    auto add = [&](const char* attr) -> bool {
        Ref<> v;
        if (object_lookup_attr(op, id(attr), &v) < 0) {
            // A detached buffer's name raises ValueError: leave it out.
            if (std::strcmp(attr, "name") != 0 || !error_matches(Exc_ValueError)) return false;
            error_clear();
        }
        if (!v) return true;
        Ref<> r = object_repr(v.get());
        if (!r) return false;
        w.write_ascii(" ");
        w.write_ascii(attr);
        w.write_ascii("=");
        w.write_str(r.get());
        return true;
    };
    bool ok = add("name") && add("mode");
    if (ok) {
        Ref<> r = object_repr(self->encoding);
        ok = static_cast<bool>(r);
        if (ok) {
            w.write_ascii(" encoding=");
            w.write_str(r.get());
            w.write_ascii(">");
        }
    }
    repr_leave(op);
    if (!ok) return nullptr;
    return w.finish();
}

Ref<> tw_get_name(Object* op, void*)
{
    if (check_attached(T(op)) < 0) return nullptr;
    return object_get_attr(T(op)->buffer, id("name"));
}
Ref<> tw_get_closed(Object* op, void*)
{
    if (check_attached(T(op)) < 0) return nullptr;
    return object_get_attr(T(op)->buffer, id("closed"));
}
Ref<> tw_get_newlines(Object* op, void*)
{
    TextIOObject* self = T(op);
    if (check_attached(self) < 0) return nullptr;
    if (!self->dec || !self->dec->universal) return none_ref();
    return newlines_object(self->dec->seennl);
}
Ref<> tw_get_errors(Object* op, void*)
{
    if (check_attached(T(op)) < 0) return nullptr;
    return new_ref(T(op)->errors);
}
Ref<> tw_get_encoding(Object* op, void*)
{
    if (!T(op)->encoding) return none_ref();
    return new_ref(T(op)->encoding);
}
Ref<> tw_get_buffer(Object* op, void*)
{
    if (!T(op)->buffer) return none_ref();
    return new_ref(T(op)->buffer);
}
Ref<> tw_get_line_buffering(Object* op, void*) { return bool_from_long(T(op)->line_buffering); }
Ref<> tw_get_write_through(Object* op, void*) { return bool_from_long(T(op)->write_through); }
Ref<> tw_get_finalizing(Object* op, void*) { return bool_from_long(T(op)->finalizing); }
Ref<> tw_get_chunk_size(Object* op, void*)
{
    if (check_attached(T(op)) < 0) return nullptr;
    return long_from_ssize_t(T(op)->chunk_size);
}
int tw_set_chunk_size(Object* op, Object* value, void*)
{
    if (check_attached(T(op)) < 0) return -1;
    if (!value) {
        set_error(Exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    Py_ssize_t n = number_as_ssize_t(value, Exc_ValueError);
    if (n == -1 && error_occurred()) return -1;
    if (n <= 0) {
        set_error(Exc_ValueError, "a strictly positive integer is required");
        return -1;
    }
    T(op)->chunk_size = n;
    return 0;
}

MethodDef textiowrapper_methods[] = {
    method_noargs("detach", textiowrapper_detach),
    method_fastkw("reconfigure", textiowrapper_reconfigure),
    method_o("write", textiowrapper_write),
    method_fast("read", textiowrapper_read),
    method_fast("readline", textiowrapper_readline),
    method_noargs("flush", textiowrapper_flush),
    method_noargs("close", textiowrapper_close),
    method_noargs("fileno", textiowrapper_fileno),
    method_noargs("seekable", textiowrapper_seekable),
    method_noargs("readable", textiowrapper_readable),
    method_noargs("writable", textiowrapper_writable),
    method_noargs("isatty", textiowrapper_isatty),
    method_fast("seek", textiowrapper_seek),
    method_noargs("tell", textiowrapper_tell),
    method_fast("truncate", textiowrapper_truncate),
    {},
};

GetSetDef textiowrapper_getset[] = {
    {"name", tw_get_name, nullptr, nullptr, nullptr},
    {"closed", tw_get_closed, nullptr, nullptr, nullptr},
    {"newlines", tw_get_newlines, nullptr, nullptr, nullptr},
    {"errors", tw_get_errors, nullptr, nullptr, nullptr},
    {"encoding", tw_get_encoding, nullptr, nullptr, nullptr},
    {"buffer", tw_get_buffer, nullptr, nullptr, nullptr},
    {"line_buffering", tw_get_line_buffering, nullptr, nullptr, nullptr},
    {"write_through", tw_get_write_through, nullptr, nullptr, nullptr},
    {"_finalizing", tw_get_finalizing, nullptr, nullptr, nullptr},
    {"_CHUNK_SIZE", tw_get_chunk_size, tw_set_chunk_size, nullptr, nullptr},
    {},
};

}  // namespace

TypeObject TextIOBase_Type = [] {
    TypeObject t = static_type("_io._TextIOBase", sizeof(IOBaseObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
                               "Base class for text I/O.");
    t.tp_base = &IOBase_Type;
    t.tp_methods = textiobase_methods;
    t.tp_getset = textiobase_getset;
    return t;
}();

TypeObject NLDecoder_Type = [] {
    TypeObject t = static_type("_io.IncrementalNewlineDecoder", sizeof(NLDecoderObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
                               "Codec used when reading a file in universal newlines mode.");
    t.tp_dealloc = nldecoder_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = nldecoder_traverse;
    t.tp_clear = nldecoder_clear;
    t.tp_methods = nldecoder_methods;
    t.tp_getset = nldecoder_getset;
    t.tp_init = nldecoder_init;
    t.tp_new = nldecoder_tp_new;
    return t;
}();

TypeObject TextIOWrapper_Type = [] {
    TypeObject t = static_type("_io.TextIOWrapper", sizeof(TextIOObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
                               "Character and line based layer over a BufferedIOBase object, buffer.");
    t.tp_base = &TextIOBase_Type;
    t.tp_dealloc = textiowrapper_dealloc;
    t.tp_repr = textiowrapper_repr;
    t.tp_getattro = object_generic_get_attr;
    t.tp_setattro = object_generic_set_attr;
    t.tp_traverse = textiowrapper_traverse;
    t.tp_clear = textiowrapper_clear;
    t.tp_iternext = textiowrapper_iternext;
    t.tp_methods = textiowrapper_methods;
    t.tp_getset = textiowrapper_getset;
    t.tp_init = textiowrapper_init;
    t.tp_new = textiowrapper_tp_new;
    return t;
}();

}  // namespace minipy::modules::io
