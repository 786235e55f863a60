// Notes-style hierarchical names: parsing, canonical form, comparison, and the X.509 subject
// they map to and back.

#include "common/identity/HierarchicalName.h"

#include "common/identity/CertificateInfo.h"
#include "common/identity/Certifier.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::identity;

TEST_CASE("A Vietnamese three-part name parses into common name, unit and organisation", "[identity][name]")
{
    // A user's name with spaces around the slashes is trimmed to its canonical form.
    const auto name = HierarchicalName::parse(QStringLiteral("  Nguyễn Văn A / VPTU/HaNoi "));
    REQUIRE(name.isOk());
    REQUIRE(name->toString() == QStringLiteral("Nguyễn Văn A/VPTU/HaNoi"));
    REQUIRE(name->commonName() == QStringLiteral("Nguyễn Văn A"));
    REQUIRE(name->organisationalUnits() == QStringList{QStringLiteral("VPTU")});
    REQUIRE(name->organisation() == QStringLiteral("HaNoi"));
}

TEST_CASE("Names compare equal regardless of case and Unicode normalisation form", "[identity][name]")
{
    // The same name typed in decomposed form and in other case matches the composed original.
    const QString composed = QStringLiteral("Trần Thị Bích/Sở Tư Pháp/HaNoi");
    const QString decomposed = composed.toUpper().normalized(QString::NormalizationForm_D);
    const auto a = HierarchicalName::parse(composed);
    const auto b = HierarchicalName::parse(decomposed);
    REQUIRE(a.isOk());
    REQUIRE(b.isOk());
    REQUIRE(*a == *b);
    REQUIRE(b->toString() == decomposed.normalized(QString::NormalizationForm_C));
    REQUIRE(*a != HierarchicalName::parse(QStringLiteral("Trần Thị Bích/HaNoi")).value());
}

TEST_CASE("Bad name: empty text, empty parts, control characters and over-long parts are refused",
          "[identity][name]")
{
    // Each malformed name is refused with InvalidArgument rather than being repaired.
    const QStringList bad{
        QString(),
        QStringLiteral("   "),
        QStringLiteral("A//HaNoi"),
        QStringLiteral("A/HaNoi/"),
        QStringLiteral("/HaNoi"),
        QStringLiteral("A\tB/HaNoi"),
        QString(HierarchicalName::kMaxPartLength + 1, u'ư') + QStringLiteral("/HaNoi"),
        QStringLiteral("a/b/c/d/e/f/g"),
        QString(QChar(0xD800)) + QStringLiteral("/HaNoi"),
    };
    for (const QString& text : bad) {
        INFO(text.toStdString());
        REQUIRE(HierarchicalName::parse(text).code() == ErrorCode::InvalidArgument);
    }
    REQUIRE(HierarchicalName::parse(QString(HierarchicalName::kMaxPartLength, u'ư')).isOk());
}

TEST_CASE("Certificate subjects map back to the hierarchical names they were made from", "[identity][name]")
{
    // One-, two-, three- and five-part names survive a round trip through an issued certificate.
    auto certifier =
        Certifier::create(HierarchicalName::parse(QStringLiteral("VPTU/HaNoi")).value(), Validity::days(365));
    REQUIRE(certifier.isOk());
    const QStringList names{QStringLiteral("Lê Lợi"), QStringLiteral("Lê Lợi/HaNoi"),
                            QStringLiteral("Nguyễn Văn A/VPTU/HaNoi"),
                            QStringLiteral("Phạm B/Tổ 1/Phòng Hành chính/VPTU/HaNoi")};
    for (const QString& text : names) {
        const HierarchicalName name = HierarchicalName::parse(text).value();
        const auto issued = certifier->issue(name, CertificateRole::User, Validity::days(30));
        REQUIRE(issued.isOk());
        const auto info = CertificateInfo::fromDer(issued->leafDer());
        REQUIRE(info.isOk());
        REQUIRE(info->name.toString() == text);
        REQUIRE(info->issuer.toString() == QStringLiteral("VPTU/HaNoi"));
    }
}
