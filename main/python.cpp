// python.cpp: the minipy executable's entry point.
// Mirrors CPython 3.11 Programs/python.c. Book chapter 5.
#include "pymain.h"

int main(int argc, char** argv)
{
    return minipy::pymain_main(argc, argv);
}
