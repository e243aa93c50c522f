# MinipyStage.cmake: helpers shared by every stage's CMakeLists.txt.
#
#   minipy_stage(<name> SOURCES ... [DEPENDS <stage> ...] [LIBS <target> ...])
#       builds the library minipy_<name> from the calling directory. Its
#       include/ folder is the stage's public interface (PUBLIC); everything
#       else in the folder is private. DEPENDS names the lower stages it uses.
#
#   minipy_unit_test(<name> SOURCES ... LINK <targets> LABELS <labels>)
#       builds a doctest binary and registers it with CTest under the labels
#       (one per stage and one per book chapter, e.g. "lexer;ch06").

# Flags every minipy target gets: warnings, sanitizers.
add_library(minipy_flags INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(minipy_flags INTERFACE -Wall -Wextra)
    if(MINIPY_WERROR)
        target_compile_options(minipy_flags INTERFACE -Werror)
    endif()
endif()
if(MINIPY_SANITIZE)
    target_compile_options(minipy_flags INTERFACE -fsanitize=${MINIPY_SANITIZE} -fno-omit-frame-pointer)
    target_link_options(minipy_flags INTERFACE -fsanitize=${MINIPY_SANITIZE})
    if(MINIPY_SANITIZE MATCHES "undefined")
        target_compile_options(minipy_flags INTERFACE -fno-sanitize-recover=undefined)
    endif()
endif()

function(minipy_stage name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS;LIBS" ${ARGN})
    set(target minipy_${name})
    add_library(${target} STATIC ${ARG_SOURCES})
    target_include_directories(${target}
        PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/include"
        PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}" "${CMAKE_CURRENT_BINARY_DIR}")
    target_link_libraries(${target} PUBLIC minipy_config minipy_flags)
    # Lets stage.cpp report which copy of the stage was built (minipy --stages).
    target_compile_definitions(${target} PRIVATE MINIPY_STAGE_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
    foreach(dep IN LISTS ARG_DEPENDS)
        target_link_libraries(${target} PUBLIC minipy_${dep})
    endforeach()
    if(ARG_LIBS)
        target_link_libraries(${target} PRIVATE ${ARG_LIBS})
    endif()
endfunction()

function(minipy_unit_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LINK;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES} "${PROJECT_SOURCE_DIR}/tests/unit/doctest_main.cpp")
    target_link_libraries(${name} PRIVATE ${ARG_LINK} doctest::doctest minipy_flags)
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES LABELS "unit;${ARG_LABELS}")
endfunction()
