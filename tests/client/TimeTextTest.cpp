// Times of day as typed in an office (forms/TimeText.h): every accepted spelling stored as
// "HH:mm", and what names no time refused.

#include "client/forms/TimeText.h"

#include <catch2/catch.hpp>

using namespace sen;

TEST_CASE("Times typed as 14h, 14h30, 14:00, 1400 are read and stored as HH:mm", "[forms][time]")
{
    for (const auto& [typed, stored] :
         {std::pair{"14h", "14:00"}, std::pair{"14h30", "14:30"}, std::pair{"14:00", "14:00"},
          std::pair{"1400", "14:00"}, std::pair{"9h", "09:00"}, std::pair{"930", "09:30"},
          std::pair{"8", "08:00"}, std::pair{" 14 h 05 ", "14:05"}, std::pair{"14g30", "14:30"},
          std::pair{"14.30", "14:30"}, std::pair{"0:00", "00:00"}, std::pair{"23:59", "23:59"}}) {
        INFO(typed);
        const auto normal = forms::normalizeTimeText(QString::fromLatin1(typed));
        REQUIRE(normal);
        CHECK(*normal == QString::fromLatin1(stored));
    }
}

TEST_CASE("What names no time of day is refused", "[forms][time]")
{
    for (const char* typed : {"", "25h", "14:60", "24:00", "abc", "14:5", "12345", "h30", "14::00"}) {
        INFO(typed);
        CHECK_FALSE(forms::parseTimeText(QString::fromLatin1(typed)));
    }
}
