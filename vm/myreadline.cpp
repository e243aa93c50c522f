// myreadline.cpp: one line of interactive input after a prompt.
// Mirrors CPython 3.11 Parser/myreadline.c (PyOS_Readline,
// PyOS_StdioReadline, my_fgets) and the reading half of Modules/readline.c
// (call_readline, readline_until_enter_or_signal). Book chapter 5.
//
// Ctrl-C while waiting: SIGINT's handler (pylifecycle.cpp) only sets
// sigint_pending and is installed without SA_RESTART, so the blocked read
// or select() fails with EINTR; the reader then consumes the flag and
// reports Interrupt, and the interactive loop prints KeyboardInterrupt.
// Any other EINTR (a signal that is not SIGINT) just retries.
#include "myreadline.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sys/select.h>
#include <sys/time.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "ceval.h"

namespace minipy::vm {

namespace {

// PyOS_StdioReadline: the prompt on stderr, then fgets-style reading.
// CPython flushes the C stdout first, which its sys.stdout (an io object
// with its own buffer) does not use: output waits in sys.stdout's buffer
// until flush_io after the statement, or input()'s flush. minipy's
// sys.stdout is the same kind of object (pylifecycle_stdio.cpp), so nothing
// is flushed here either.
ReadlineStatus stdio_readline(const std::string& prompt, std::string* line)
{
    std::fputs(prompt.c_str(), stderr);
    std::fflush(stderr);
    line->clear();
    for (;;) {
        errno = 0;
        int c = std::getc(stdin);
        if (c == EOF) {
            if (std::ferror(stdin) && errno == EINTR) {
                // my_fgets: an interrupted read is retried unless it was Ctrl-C.
                std::clearerr(stdin);
                if (sigint_pending.exchange(false)) return ReadlineStatus::Interrupt;
                continue;
            }
            return line->empty() ? ReadlineStatus::Eof : ReadlineStatus::Line;
        }
        *line += static_cast<char>(c);
        if (c == '\n') return ReadlineStatus::Line;
    }
}

// GNU readline through its callback interface, so that a signal can end
// the wait (readline_until_enter_or_signal): readline itself installs no
// signal handlers (rl_catch_signals = 0).
char* completed_input = nullptr;
bool input_done = false;

extern "C" void rl_line_handler(char* text)
{
    completed_input = text;  // nullptr: EOF
    input_done = true;
    rl_callback_handler_remove();
}

void setup_readline()
{
    static bool ready = false;
    if (ready) return;
    ready = true;
    rl_readline_name = const_cast<char*>("python");  // ~/.inputrc's $if python
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_instream = stdin;
    rl_outstream = stdout;
    using_history();
}

ReadlineStatus call_readline(const std::string& prompt, std::string* line)
{
    setup_readline();
    std::fflush(stdout);
    std::fflush(stderr);
    completed_input = nullptr;
    input_done = false;
    rl_callback_handler_install(prompt.c_str(), rl_line_handler);
    const int fd = fileno(rl_instream);
    while (!input_done) {
        // SIGINT may be delivered to another thread of the process (the
        // parser's, a sanitizer's), which leaves select() asleep: it wakes
        // every 0.1 s to look at the flag, as CPython's loop does when an
        // input hook is set.
        fd_set selectset;
        FD_ZERO(&selectset);
        FD_SET(fd, &selectset);
        struct timeval timeout = {0, 100000};
        int has_input = select(fd + 1, &selectset, nullptr, nullptr, &timeout);
        const int err = errno;
        if (sigint_pending.exchange(false)) {
            rl_free_line_state();
            rl_callback_sigcleanup();
            rl_cleanup_after_signal();
            rl_callback_handler_remove();
            return ReadlineStatus::Interrupt;
        }
        if (has_input > 0) {
            rl_callback_read_char();
        }
        else if (has_input < 0 && err != EINTR) {
            rl_callback_handler_remove();
            return ReadlineStatus::Eof;
        }
    }
    if (completed_input == nullptr) return ReadlineStatus::Eof;
    // call_readline: a non-empty line goes into the history, unless it
    // repeats the last entry.
    const std::size_t n = std::strlen(completed_input);
    if (n > 0) {
        HIST_ENTRY* last = history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
        if (last == nullptr || last->line == nullptr || std::strcmp(last->line, completed_input) != 0)
            add_history(completed_input);
    }
    line->assign(completed_input, n);
    *line += '\n';
    std::free(completed_input);
    completed_input = nullptr;
    return ReadlineStatus::Line;
}

}  // namespace

ReadlineStatus os_readline(const std::string& prompt, std::string* line)
{
    // PyOS_Readline: the GIL is released while the line is awaited, and
    // one thread at a time reads (_PyOS_ReadlineLock, taken without the GIL).
    static std::mutex readline_lock;
    runtime::AllowThreads nogil;
    std::lock_guard<std::mutex> one_reader(readline_lock);
    // "python -i < file": interactive mode without a terminal.
    if (!isatty(fileno(stdin)) || !isatty(fileno(stdout))) return stdio_readline(prompt, line);
    return call_readline(prompt, line);
}

}  // namespace minipy::vm
