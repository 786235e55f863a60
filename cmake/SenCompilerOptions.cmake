# One INTERFACE target that carries the warnings and the Qt strictness defines.
# Every Sen target links sen_options privately; nothing is set directory-wide.

add_library(sen_options INTERFACE)
add_library(Sen::options ALIAS sen_options)

target_compile_definitions(sen_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_STRICT_ITERATORS
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(sen_options INTERFACE
        -Wall -Wextra -Wpedantic
        -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
        -Wshadow -Wcast-align -Wformat=2 -Wimplicit-fallthrough
        -Wno-missing-field-initializers
        $<$<CONFIG:Debug>:-Werror>)
elseif(MSVC)
    target_compile_options(sen_options INTERFACE /W4 /permissive- /utf-8)
endif()

# Presets choose sanitizers through this cache variable, e.g. "address,undefined".
set(SEN_SANITIZERS "" CACHE STRING "Comma-separated -fsanitize= list (empty for none)")
if(SEN_SANITIZERS)
    target_compile_options(sen_options INTERFACE -fsanitize=${SEN_SANITIZERS} -fno-omit-frame-pointer)
    target_link_options(sen_options INTERFACE -fsanitize=${SEN_SANITIZERS})
endif()
