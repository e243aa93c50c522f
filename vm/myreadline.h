// myreadline.h: reading one line of interactive input after a prompt.
// Mirrors CPython 3.11 Parser/myreadline.c (PyOS_Readline,
// PyOS_StdioReadline) and the line reader of Modules/readline.c
// (call_readline). Private to the vm stage. Book chapter 5.
#pragma once

#include <string>

namespace minipy::vm {

enum class ReadlineStatus {
    Line,       // *line holds the text read, with its '\n' (none at a last unterminated line)
    Eof,        // end of input (Ctrl-D at the start of a line)
    Interrupt,  // Ctrl-C: SIGINT arrived while waiting (the pending flag is consumed)
};

// PyOS_Readline: writes `prompt` and reads one line from stdin. When stdin
// and stdout are both terminals the line is read with GNU readline (line
// editing and history; the prompt goes to stdout); otherwise with stdio,
// the prompt going to stderr, as python3.11 does with `-i < file`.
ReadlineStatus os_readline(const std::string& prompt, std::string* line);

}  // namespace minipy::vm
