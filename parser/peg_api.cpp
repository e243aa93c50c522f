// peg_api.cpp: the parser stage's entry points: source bytes to an AST or a
// SyntaxError, and the `python -m ast -a` dump. Mirrors CPython 3.11
// Parser/peg_api.c and _PyPegen_run_parser_from_string in Parser/pegen.c.
// Book ch. 6.
#include <algorithm>
#include <pthread.h>

#include "minipy/runtime/pystate.h"
#include "pegen.h"

namespace minipy::parser {

namespace {

// The source as the tokenizer sees it, split in lines: for SyntaxError
// texts and columns, and for finding type comments. Newlines are
// translated as CPython's readers do; a UTF-8 BOM is dropped.
void split_source(std::string_view bytes, SourceLines* source)
{
    if (bytes.substr(0, 3) == "\xef\xbb\xbf") bytes.remove_prefix(3);
    source->text.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\r') {
            source->text += '\n';
            if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
        } else {
            source->text += bytes[i];
        }
    }
    std::string_view text(source->text);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        source->lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
}

// A BOM or a PEP 263 cookie on one of the first two lines: CPython's
// string tokenizer then knows the encoding and reports columns in characters.
bool declares_encoding(std::string_view bytes)
{
    if (bytes.substr(0, 3) == "\xef\xbb\xbf") return true;
    std::size_t start = 0;
    for (int line = 0; line < 2 && start < bytes.size(); ++line) {
        std::size_t nl = bytes.find_first_of("\r\n", start);
        std::string_view text = bytes.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        std::size_t i = text.find_first_not_of(" \t\f");
        if (i == std::string_view::npos || text[i] != '#') {
            if (i != std::string_view::npos) return false;  // code before any cookie
        } else {
            std::size_t c = text.find("coding", i);
            if (c != std::string_view::npos && c + 6 < text.size() && (text[c + 6] == ':' || text[c + 6] == '=')) return true;
        }
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return false;
}

// The node depth at which `python3.11 -m ast` fails building the tree
// (measured: Module, Expr, 2977 nested Attribute and a Name fail).
constexpr int AST_RECURSION_LIMIT = 2980;

// Runs fn on a thread with a large stack: the parser recurses once per rule
// (up to MAXSTACK levels, as in CPython) and the dumper once per node, so
// deep nesting must not overflow the main thread's stack, sanitizers included.
// The helper thread works with the caller's thread state (constants are
// runtime objects, errors travel on it): the caller waits in pthread_join
// meanwhile, so only one of them ever touches it, as if it held the GIL.
template <class F>
void run_with_big_stack(F&& fn)
{
    runtime::ThreadState* ts = runtime::thread_state_get();
    if (ts == nullptr) ts = runtime::initialize();
    struct Box {
        F* fn;
        runtime::ThreadState* ts;
        static void* call(void* arg)
        {
            auto* box = static_cast<Box*>(arg);
            runtime::thread_state_swap(box->ts);
            (*box->fn)();
            runtime::thread_state_swap(nullptr);
            return nullptr;
        }
    } box{&fn, ts};
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 512u * 1024u * 1024u);
    pthread_t thread;
    if (pthread_create(&thread, &attr, &Box::call, &box) == 0) {
        pthread_join(thread, nullptr);
    } else {
        fn();
    }
    pthread_attr_destroy(&attr);
}

struct ParseJob {
    std::string_view bytes;
    const std::string* filename;
    const ParseOptions* options;
    ParseResult* result;
};

void run_job(ParseJob* job)
{
    ParseResult& result = *job->result;
    result.arena = std::make_unique<PyArena>();
    SourceLines source;
    split_source(job->bytes, &source);
    // CPython adds the missing final newline only to files and 'exec'
    // strings (exec_input); compile() of an 'eval' or 'single' string ends
    // its last line at the end of the text.
    const bool exec_input = !job->options->string_input || job->options->start == StartRule::FILE_INPUT;
    lexer::Tokenizer tok(job->bytes, *job->filename, exec_input);
    if (job->options->interactive) tok.set_interactive();
    if (job->options->string_input) tok.set_string_input();
    Parser p;
    p.interactive = job->options->interactive;
    p.tok = &tok;
    p.arena = result.arena.get();
    p.keywords = &grammar_keywords();
    p.start_rule = job->options->start;
    p.debug = job->options->debug;
    p.type_comments = job->options->type_comments;
    p.source = &source;
    p.exec_input = exec_input;
    p.filename = *job->filename;
    p.byte_offsets = job->options->string_input && !declares_encoding(job->bytes);
    void* res = run_parser(&p);
    result.warnings = tok.warnings();
    result.warnings.insert(result.warnings.end(), p.warnings.begin(), p.warnings.end());
    std::stable_sort(result.warnings.begin(), result.warnings.end(),
                     [](const lexer::TokenizerWarning& a, const lexer::TokenizerWarning& b) {
                         return a.lineno != b.lineno ? a.lineno < b.lineno : a.col_offset < b.col_offset;
                     });
    result.incomplete = tok.underflowed();
    if (res != nullptr && !p.error) {
        result.mod = static_cast<ast::mod_ty>(res);
        // CPython converts the tree to Python objects recursively and gives
        // up at 3000 levels less the frames in use (ast2obj in Python-ast.c).
        if (ast::node_depth(result.mod, AST_RECURSION_LIMIT) >= AST_RECURSION_LIMIT) {
            result.mod = nullptr;
            result.exception = "RecursionError: maximum recursion depth exceeded during ast construction";
        }
        return;
    }
    if (p.error && p.error->msg == "MemoryError" && p.error->filename.empty()) {
        result.exception = "MemoryError";  // the parser's stack overflowed (MAXSTACK)
        return;
    }
    if (!p.error) {
        p.error = std::make_unique<lexer::SyntaxErrorInfo>();
        p.error->msg = p.arena->error().empty() ? "invalid syntax" : p.arena->error();
        p.error->filename = *job->filename;
    }
    result.error = std::move(p.error);
}

}  // namespace

ParseResult parse_source(std::string_view bytes, const std::string& filename, const ParseOptions& options)
{
    ParseResult result;
    ParseJob job{bytes, &filename, &options, &result};
    run_with_big_stack([&job] { run_job(&job); });
    return result;
}

bool dump_ast(ast::mod_ty mod, std::string* out, std::string* exception, bool include_attributes, int indent)
{
    bool overflow = false;
    std::string repr_error;
    run_with_big_stack([&] {
        *out = ast::dump(mod, include_attributes, std::string(static_cast<std::size_t>(indent), ' '), &overflow,
                         &repr_error);
    });
    if (!repr_error.empty()) {
        out->clear();
        *exception = repr_error;
        return false;
    }
    if (!overflow) return true;
    out->clear();
    *exception = "RecursionError: maximum recursion depth exceeded while getting the repr of an object";
    return false;
}

}  // namespace minipy::parser
