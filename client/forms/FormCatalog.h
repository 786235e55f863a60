#pragma once

// The forms of Sen's three databases (docs/forms.md), built once and never changed:
//   documents: VanBanDen (incoming), VanBanDi (outgoing), VanBanNoiBo (internal), HoSo
//              (dossier), SoVanBan (register), and the responses YKien (comment) and
//              PhieuXuLy (processing slip / assignment);
//   every kind: DanhMuc (a catalogue entry, docs/catalogues.md);
//   calendar:  LichCongTac (an entry of the weekly work schedule);
//   news:      TinTuc (an article).
// Item names follow the demo data (client/demo/*.jsonl) and ND 30/2020 Phụ lục VI.
// Thread-safe: the catalog is immutable after its first use.

#include "client/forms/FormDefinition.h"

#include <vector>

namespace sen::forms {

class FormCatalog
{
public:
    // Every form, main forms before responses.
    static const std::vector<FormDefinition>& all();
    // The form named `form` (a document's `form`), or null for an unknown one.
    static const FormDefinition* find(const QString& form);
    // The main (non-response) forms a user creates in a database of `kind`.
    static std::vector<const FormDefinition*> mainForms(DatabaseKind kind);
    // The response forms offered under a main document of `kind` (empty for calendar, news).
    static std::vector<const FormDefinition*> responseForms(DatabaseKind kind);

    // Choice values shared by several forms (stored as these Vietnamese words).
    static const QStringList& urgencyChoices(); // độ khẩn: Thường, Khẩn, Thượng khẩn, Hỏa tốc
    static const QStringList& secrecyChoices(); // độ mật: Thường, Mật, Tối mật, Tuyệt mật
    static const QStringList& sessionChoices(); // buổi: Sáng, Chiều
    static const QStringList& languages();      // ngôn ngữ: Tiếng Việt (the default), Tiếng Anh, ...
};

} // namespace sen::forms
