// peg_api.cpp: the parser stage's entry points: source bytes to an AST or a
// SyntaxError, and the `python -m ast -a` dump. Mirrors CPython 3.11
// Parser/peg_api.c and _PyPegen_run_parser_from_string in Parser/pegen.c.
// Book ch. 6.
#include <pthread.h>

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
    lexer::Tokenizer tok(job->bytes, *job->filename);
    Parser p;
    p.tok = &tok;
    p.arena = result.arena.get();
    p.keywords = &grammar_keywords();
    p.start_rule = job->options->start;
    p.debug = job->options->debug;
    p.type_comments = job->options->type_comments;
    p.source = &source;
    p.filename = *job->filename;
    void* res = run_parser(&p);
    if (res != nullptr && !p.error) {
        result.mod = static_cast<ast::mod_ty>(res);
        return;
    }
    if (!p.error) {
        p.error = std::make_unique<lexer::SyntaxErrorInfo>();
        p.error->msg = p.arena->error().empty() ? "invalid syntax" : p.arena->error();
        p.error->filename = *job->filename;
    }
    result.error = std::move(p.error);
}

void* run_job_thread(void* arg)
{
    run_job(static_cast<ParseJob*>(arg));
    return nullptr;
}

}  // namespace

ParseResult parse_source(std::string_view bytes, const std::string& filename, const ParseOptions& options)
{
    // The parser recurses once per rule (up to MAXSTACK levels, as in
    // CPython); a thread with a large stack keeps deep nesting from
    // overflowing the process's default stack, sanitizers included.
    ParseResult result;
    ParseJob job{bytes, &filename, &options, &result};
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 512u * 1024u * 1024u);
    pthread_t thread;
    if (pthread_create(&thread, &attr, run_job_thread, &job) == 0) {
        pthread_join(thread, nullptr);
    } else {
        run_job(&job);
    }
    pthread_attr_destroy(&attr);
    return result;
}

std::string dump_ast(ast::mod_ty mod, bool include_attributes, int indent)
{
    return ast::dump(mod, include_attributes, std::string(static_cast<std::size_t>(indent), ' '));
}

}  // namespace minipy::parser
