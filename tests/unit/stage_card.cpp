// stage_card.cpp: compiled into every stage's unit-test binary, with
// MINIPY_TEST_STAGE naming the stage. Checks that the binary links the copy
// of the stage it was configured with (see docs/rebuild-a-stage.md).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include MINIPY_TEST_STAGE_HEADER

TEST_CASE("the stage card names the stage and the directory it was built from")
{
    const minipy::StageInfo& info = minipy::MINIPY_TEST_STAGE::stage_info();
    CHECK(std::string(info.name) == MINIPY_TEST_STAGE_NAME);
    CHECK(std::filesystem::path(info.source_dir) ==
          std::filesystem::path(MINIPY_EXPECTED_DIR));
    CHECK(std::filesystem::exists(std::filesystem::path(info.source_dir) / "CMakeLists.txt"));
    CHECK(std::string(info.chapters).rfind("ch", 0) == 0);
}
