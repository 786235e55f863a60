// Which response forms `sen` offers under which document (client/forms/ResponseForms.h): the
// processing steps only where the server's rule accepts them (docs/workflow.md), a comment
// under any main document of the documents database, nothing under a comment.

#include "client/forms/ResponseForms.h"

#include "client/forms/FormCatalog.h"

#include <catch2/catch.hpp>

using sen::forms::FormCatalog;
using sen::forms::FormDefinition;

namespace {

QStringList under(const char* parent)
{
    const FormDefinition* form = FormCatalog::find(QLatin1String(parent));
    REQUIRE(form);
    QStringList names;
    for (const FormDefinition* response : sen::forms::responseFormsUnder(*form))
        names << response->name;
    return names;
}

bool may(const char* response, const char* parent)
{
    const FormDefinition* r = FormCatalog::find(QLatin1String(response));
    const FormDefinition* p = FormCatalog::find(QLatin1String(parent));
    REQUIRE(r);
    REQUIRE(p);
    return sen::forms::mayRespond(*r, *p);
}

} // namespace

TEST_CASE("A step is offered only under the document the server lets it answer", "[forms][workflow]")
{
    // An incoming document: a comment, a presentation and a direction; never a report, which
    // answers a direction.
    CHECK(under("VanBanDen") ==
          QStringList{QStringLiteral("YKien"), QStringLiteral("PhieuXuLy"), QStringLiteral("TrinhVanBan")});
    // Outgoing and internal documents, dossiers: a comment only.
    for (const char* main : {"VanBanDi", "VanBanNoiBo", "HoSo"})
        CHECK(under(main) == QStringList{QStringLiteral("YKien")});
    // A direction: the reports on it, and nothing else (no comment on a step, no second level
    // of directions under it).
    CHECK(under("PhieuXuLy") == QStringList{QStringLiteral("BaoCaoXuLy")});
    // Under a comment, a presentation or a report nothing.
    for (const char* leaf : {"YKien", "TrinhVanBan", "BaoCaoXuLy"})
        CHECK(under(leaf).isEmpty());
    // Calendar and news documents have no responses; a main form is never a response.
    CHECK(under("LichCongTac").isEmpty());
    CHECK(under("TinTuc").isEmpty());
    CHECK_FALSE(may("VanBanDen", "VanBanDen"));
    CHECK_FALSE(may("BaoCaoXuLy", "VanBanDen"));
    CHECK_FALSE(may("PhieuXuLy", "VanBanDi"));
    CHECK_FALSE(may("TrinhVanBan", "PhieuXuLy"));
    CHECK(may("BaoCaoXuLy", "PhieuXuLy"));
}
