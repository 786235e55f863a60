// libFuzzer entry for the responder fuzz target (ResponderFuzz.h), in clang builds:
//   bin/sen_responder_fuzzer -max_total_time=600 corpus/

#include "tests/fuzz/ResponderFuzz.h"

#include <QCoreApplication>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    sen::fuzz::runResponderCase(data, size);
    return 0;
}
