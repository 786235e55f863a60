#include "common/registers/DefaultRegisters.h"

#include "common/registers/Registers.h"
#include "common/store/ReplicaStore.h"

namespace sen::registers {

Status createDefaultRegisters(ReplicaStore& store)
{
    struct Book
    {
        const char* name; // the register's name, as the office writes it on the book
        Direction direction;
        bool secret;
    };
    static const Book kBooks[] = {
        {"Sổ đăng ký văn bản đến", Direction::Incoming, false},
        {"Sổ đăng ký văn bản đi", Direction::Outgoing, false},
        {"Sổ đăng ký văn bản nội bộ", Direction::Internal, false},
        {"Sổ đăng ký văn bản mật đến", Direction::Incoming, true},
        {"Sổ đăng ký văn bản mật đi", Direction::Outgoing, true},
    };
    return store.batch([&]() -> Status {
        for (const Book& book : kBooks) {
            DocumentEdit edit = DocumentEdit::create(QLatin1String(kRegisterForm));
            // The words the register form (client/forms/FormCatalog.cpp) offers.
            edit.set(Item::text(QLatin1String(kItemName), QString::fromUtf8(book.name)))
                .set(Item::text(QLatin1String(kItemDirection), directionWord(book.direction)))
                .set(Item::text(QLatin1String(kItemSecret),
                                book.secret ? QStringLiteral("Có") : QStringLiteral("Không")))
                .set(Item::text(QLatin1String(kItemCycle), QStringLiteral("Năm")));
            SEN_TRY(store.save(edit).status());
        }
        return Status::ok();
    });
}

} // namespace sen::registers
