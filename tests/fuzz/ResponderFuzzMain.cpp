// A driver for the responder fuzz target (ResponderFuzz.h) that needs no libFuzzer, so every
// build runs it: random inputs from a seeded generator for a bounded time. CTest runs it for
// a few seconds on every build; fuzz longer by hand:
//
//   sen_responder_fuzz --seconds 600 [--seed N]
//
// It prints the seed (SEN_SEED overrides --seed), so a failure replays with the same seed;
// the input of the case that failed stays in responder-case-<seed>.bin, which is also a
// libFuzzer input for sen_responder_fuzzer in clang builds.

#include "tests/fuzz/ResponderFuzz.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    double seconds = 10;
    std::uint64_t seed = std::random_device{}();
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--seconds"))
            seconds = args[i + 1].toDouble();
        else if (args[i] == QLatin1String("--seed"))
            seed = args[i + 1].toULongLong();
        else {
            std::fprintf(stderr, "usage: sen_responder_fuzz [--seconds N] [--seed N]\n");
            return 2;
        }
    }
    if (const QByteArray env = qgetenv("SEN_SEED"); !env.isEmpty())
        seed = env.toULongLong();
    std::printf("sen_responder_fuzz: seed %llu, %.0f s\n", static_cast<unsigned long long>(seed), seconds);
    std::fflush(stdout);

    std::mt19937_64 random(seed);
    QElapsedTimer elapsed;
    elapsed.start();
    std::vector<std::uint8_t> input;
    long long n = 0;
    while (elapsed.elapsed() < static_cast<qint64>(seconds * 1000)) {
        input.resize(std::uniform_int_distribution<std::size_t>(0, 600)(random));
        for (std::uint8_t& b : input)
            b = static_cast<std::uint8_t>(random());
        // The input of this case, kept until it passed: a crash leaves it on disk.
        QFile keep(QStringLiteral("responder-case-%1.bin").arg(seed));
        if (keep.open(QIODevice::WriteOnly))
            keep.write(reinterpret_cast<const char*>(input.data()), static_cast<qint64>(input.size()));
        keep.close();
        sen::fuzz::runResponderCase(input.data(), input.size());
        ++n;
    }
    QFile::remove(QStringLiteral("responder-case-%1.bin").arg(seed));
    const auto& stats = sen::fuzz::responderFuzzStats();
    std::printf(
        "sen_responder_fuzz: %lld cases, %lld frames, %lld sessions ended by the server's refusal; no "
        "invariant broken\n",
        stats.cases, stats.framesIn, stats.refused);
    return 0;
}
