<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ConflictCells</name>
    <message>
        <source>(none)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(đã xóa)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>this replica</source>
        <translation>bản sao này</translation>
    </message>
    <message>
        <source>replica %1</source>
        <translation>bản sao %1</translation>
    </message>
</context>
<context>
    <name>DossierPrintPreview</name>
    <message>
        <source>Print table of contents</source>
        <translation>In mục lục văn bản</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>A classified document (Mật, Tối mật, Tuyệt mật) may be kept only as a register entry, without a body or attachments.</source>
        <translation>Văn bản mật (Mật, Tối mật, Tuyệt mật) chỉ được lưu dưới dạng mục sổ đăng ký, không có nội dung và tệp đính kèm.</translation>
    </message>
    <message>
        <source>You may delete only the documents that name you as an author.</source>
        <translation>Bạn chỉ được xóa những tài liệu ghi tên bạn là tác giả.</translation>
    </message>
    <message>
        <source>You do not have the right to delete documents in this database.</source>
        <translation>Bạn không có quyền xóa tài liệu trong cơ sở dữ liệu này.</translation>
    </message>
    <message>
        <source>You may not create documents in this database.</source>
        <translation>Bạn không được tạo tài liệu trong cơ sở dữ liệu này.</translation>
    </message>
    <message>
        <source>Your access to this database lets you read documents but not change them.</source>
        <translation>Quyền của bạn trong cơ sở dữ liệu này chỉ cho phép đọc tài liệu, không được sửa.</translation>
    </message>
    <message>
        <source>You may change only the documents that name you as an author.</source>
        <translation>Bạn chỉ được sửa những tài liệu ghi tên bạn là tác giả.</translation>
    </message>
    <message>
        <source>You are not among the readers of this document.</source>
        <translation>Bạn không có tên trong danh sách người được đọc tài liệu này.</translation>
    </message>
    <message>
        <source>You have no access to the documents of this database.</source>
        <translation>Bạn không có quyền truy cập tài liệu của cơ sở dữ liệu này.</translation>
    </message>
    <message>
        <source>The operation could not be completed.</source>
        <translation>Không thực hiện được thao tác.</translation>
    </message>
    <message>
        <source>The workspace %1 cannot be opened.</source>
        <translation>Không mở được không gian làm việc %1.</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>Không mở được cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened.</source>
        <translation>Không mở được cơ sở dữ liệu %1.</translation>
    </message>
    <message>
        <source>The database could not be created.</source>
        <translation>Không tạo được cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>The database %1 could not be created.</source>
        <translation>Không tạo được cơ sở dữ liệu %1.</translation>
    </message>
    <message>
        <source>The document cannot be opened.</source>
        <translation>Không mở được tài liệu.</translation>
    </message>
    <message>
        <source>The document could not be saved; your changes are still here.</source>
        <translation>Không lưu được tài liệu; các thay đổi của bạn vẫn còn ở đây.</translation>
    </message>
    <message>
        <source>The document could not be deleted.</source>
        <translation>Không xóa được tài liệu.</translation>
    </message>
    <message>
        <source>The replication conflict cannot be shown.</source>
        <translation>Không hiển thị được xung đột đồng bộ.</translation>
    </message>
    <message>
        <source>Your choice could not be saved.</source>
        <translation>Không lưu được lựa chọn của bạn.</translation>
    </message>
    <message>
        <source>“%1” could not be attached.</source>
        <translation>Không đính kèm được “%1”.</translation>
    </message>
    <message>
        <source>“%1” could not be taken out of the document.</source>
        <translation>Không lấy được “%1” ra khỏi tài liệu.</translation>
    </message>
    <message>
        <source>The sync of %1 with %2 failed.</source>
        <translation>Đồng bộ %1 với %2 không thành công.</translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation>Máy chủ đã từ chối thay đổi này.</translation>
    </message>
    <message>
        <source>The server&apos;s version could not be restored.</source>
        <translation>Không khôi phục được bản trên máy chủ.</translation>
    </message>
    <message>
        <source>The ID file could not be opened.</source>
        <translation>Không mở được tệp ID.</translation>
    </message>
    <message>
        <source>The password could not be changed; the ID still opens with the current password.</source>
        <translation>Không đổi được mật khẩu; tệp ID vẫn mở bằng mật khẩu hiện tại.</translation>
    </message>
    <message>
        <source>What it needs was not found: it may have been deleted or moved.</source>
        <translation>Không tìm thấy dữ liệu cần thiết: có thể đã bị xóa hoặc di chuyển.</translation>
    </message>
    <message>
        <source>The data on this computer is damaged. Ask the IT office to restore it from the server or from a backup.</source>
        <translation>Dữ liệu trên máy tính này bị hỏng. Hãy đề nghị bộ phận CNTT khôi phục từ máy chủ hoặc từ bản lưu dự phòng.</translation>
    </message>
    <message>
        <source>A file could not be read or written. Check that the disk or the network folder is available, then try again.</source>
        <translation>Không đọc hoặc ghi được tệp. Hãy kiểm tra ổ đĩa hoặc thư mục mạng có sẵn sàng không, rồi thử lại.</translation>
    </message>
    <message>
        <source>What was entered is not valid. Check it and try again.</source>
        <translation>Thông tin đã nhập không hợp lệ. Hãy kiểm tra rồi thử lại.</translation>
    </message>
    <message>
        <source>Something of the same name already exists.</source>
        <translation>Đã có một mục cùng tên.</translation>
    </message>
    <message>
        <source>You do not have the right to do this. Ask the database&apos;s manager for access.</source>
        <translation>Bạn không có quyền thực hiện thao tác này. Hãy đề nghị người quản lý cơ sở dữ liệu cấp quyền.</translation>
    </message>
    <message>
        <source>The other side answered in a way this version of Sen does not understand. Ask the IT office to update Sen.</source>
        <translation>Phía bên kia trả lời theo cách mà phiên bản Sen này không hiểu được. Hãy đề nghị bộ phận CNTT cập nhật Sen.</translation>
    </message>
    <message>
        <source>This needs a newer version of Sen. Ask the IT office to update Sen.</source>
        <translation>Việc này cần phiên bản Sen mới hơn. Hãy đề nghị bộ phận CNTT cập nhật Sen.</translation>
    </message>
    <message>
        <source>The database is busy (a synchronisation may be writing to it). Try again in a moment.</source>
        <translation>Cơ sở dữ liệu đang bận (có thể đang ghi dữ liệu đồng bộ). Hãy thử lại sau ít phút.</translation>
    </message>
    <message>
        <source>It was cancelled.</source>
        <translation>Thao tác đã bị hủy.</translation>
    </message>
    <message>
        <source>An unexpected error occurred in Sen. Try again; if it happens again, tell the IT office and give them the technical details.</source>
        <translation>Sen gặp lỗi không mong muốn. Hãy thử lại; nếu lỗi lặp lại, hãy báo bộ phận CNTT kèm thông tin kỹ thuật.</translation>
    </message>
    <message>
        <source>This copy of the database was restored from a backup or copied from another computer; Sen gives it a new identity at the next sync.</source>
        <translation>Bản sao cơ sở dữ liệu này được khôi phục từ bản lưu dự phòng hoặc được chép từ máy tính khác; Sen sẽ cấp cho nó định danh mới ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>The disk of this computer is full. Free some space and try again.</source>
        <translation>Ổ đĩa của máy tính này đã đầy. Hãy giải phóng bớt dung lượng rồi thử lại.</translation>
    </message>
    <message>
        <source>The last sync completed.</source>
        <translation>Lần đồng bộ gần nhất đã hoàn tất.</translation>
    </message>
    <message>
        <source>The sync was stopped on this computer. Everything received before the stop is kept; the next sync resumes where it stopped.</source>
        <translation>Việc đồng bộ đã bị dừng trên máy tính này. Mọi dữ liệu nhận được trước khi dừng đều được giữ lại; lần đồng bộ tới sẽ tiếp tục từ chỗ đã dừng.</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached. Check the network connection or ask the IT office; nothing is lost, and Sen will try again at the next sync.</source>
        <translation>Không kết nối được tới máy chủ %1. Hãy kiểm tra kết nối mạng hoặc liên hệ bộ phận CNTT; không có dữ liệu nào bị mất, Sen sẽ thử lại ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>The disk of this computer is full. Free some space, then sync again; what was received so far is kept.</source>
        <translation>Ổ đĩa của máy tính này đã đầy. Hãy giải phóng bớt dung lượng rồi đồng bộ lại; dữ liệu đã nhận được vẫn được giữ lại.</translation>
    </message>
    <message>
        <source>The connection to %1 was cut during the sync. What arrived is kept; the next sync will resume where it stopped.</source>
        <translation>Kết nối tới %1 bị ngắt trong khi đồng bộ. Dữ liệu đã nhận được giữ lại; lần đồng bộ tới sẽ tiếp tục từ chỗ đã dừng.</translation>
    </message>
    <message>
        <source>Your ID has been revoked by the organisation&apos;s certifier. Ask the IT office for a new ID file.</source>
        <translation>ID của bạn đã bị cơ quan chứng thực của đơn vị thu hồi. Hãy liên hệ bộ phận CNTT để được cấp tệp ID mới.</translation>
    </message>
    <message>
        <source>Your ID has expired. Ask the IT office to renew it, then log in again.</source>
        <translation>ID của bạn đã hết hạn. Hãy đề nghị bộ phận CNTT gia hạn, sau đó đăng nhập lại.</translation>
    </message>
    <message>
        <source>The computer at %1 is not a Sen server of your organisation; nothing was sent to it. Check the server address.</source>
        <translation>Máy tính tại %1 không phải là máy chủ Sen của đơn vị bạn; không có dữ liệu nào được gửi tới máy này. Hãy kiểm tra địa chỉ máy chủ.</translation>
    </message>
    <message>
        <source>The server %1 does not accept your ID (expired, revoked or from another organisation). Ask the IT office.</source>
        <translation>Máy chủ %1 không chấp nhận ID của bạn (hết hạn, bị thu hồi hoặc thuộc đơn vị khác). Hãy liên hệ bộ phận CNTT.</translation>
    </message>
    <message>
        <source>You have no right to replicate the database %1 on %2. Ask the database&apos;s manager for access.</source>
        <translation>Bạn không có quyền đồng bộ cơ sở dữ liệu %1 trên %2. Hãy đề nghị người quản lý cơ sở dữ liệu cấp quyền truy cập.</translation>
    </message>
    <message>
        <source>The server %1 has no database named %2. Check the name with the IT office.</source>
        <translation>Máy chủ %1 không có cơ sở dữ liệu nào tên là %2. Hãy kiểm tra lại tên với bộ phận CNTT.</translation>
    </message>
    <message>
        <source>A database named %1 already exists on this computer.</source>
        <translation>Trên máy tính này đã có cơ sở dữ liệu tên là %1.</translation>
    </message>
    <message>
        <source>%1 is a local database: it has no server to sync with.</source>
        <translation>%1 là cơ sở dữ liệu cục bộ: không có máy chủ để đồng bộ.</translation>
    </message>
    <message>
        <source>The database %1 on %2 is not a copy of this one: they cannot sync.</source>
        <translation>Cơ sở dữ liệu %1 trên %2 không phải là bản sao của cơ sở dữ liệu này: không thể đồng bộ với nhau.</translation>
    </message>
    <message>
        <source>The server address %1 or the database name %2 is not valid. Check them with the IT office.</source>
        <translation>Địa chỉ máy chủ %1 hoặc tên cơ sở dữ liệu %2 không hợp lệ. Hãy kiểm tra lại với bộ phận CNTT.</translation>
    </message>
    <message>
        <source>The copy of %1 on this computer is damaged. Ask the IT office to restore it from the server.</source>
        <translation>Bản sao %1 trên máy tính này bị hỏng. Hãy đề nghị bộ phận CNTT khôi phục từ máy chủ.</translation>
    </message>
    <message>
        <source>The server %1 runs a version of Sen this one cannot talk to. Ask the IT office to update Sen.</source>
        <translation>Máy chủ %1 chạy phiên bản Sen không tương thích với phiên bản này. Hãy đề nghị bộ phận CNTT cập nhật Sen.</translation>
    </message>
    <message>
        <source>This copy of %1 had been restored from a backup or copied from another computer. Sen gave it a new identity and synced it again; nothing written here was lost.</source>
        <translation>Bản sao %1 này đã được khôi phục từ bản lưu dự phòng hoặc được chép từ máy tính khác. Sen đã cấp cho nó định danh mới và đồng bộ lại; mọi nội dung đã nhập ở đây đều không bị mất.</translation>
    </message>
    <message>
        <source>This copy of %1 was restored from a backup or copied from another computer. Sen gives it a new identity; sync again and nothing written here is lost.</source>
        <translation>Bản sao %1 này được khôi phục từ bản lưu dự phòng hoặc được chép từ máy tính khác. Sen sẽ cấp cho nó định danh mới; hãy đồng bộ lại, mọi nội dung đã nhập ở đây đều không bị mất.</translation>
    </message>
    <message>
        <source>The database %1 was busy on this computer. Sync again in a moment.</source>
        <translation>Cơ sở dữ liệu %1 trên máy tính này đang bận. Hãy đồng bộ lại sau ít phút.</translation>
    </message>
    <message>
        <source>This document was deleted while you were editing it — perhaps on another computer, and replication brought the deletion here. Your changes are still in the form: copy what you need before closing it.</source>
        <translation>Tài liệu này đã bị xóa trong khi bạn đang sửa — có thể trên một máy tính khác, và việc đồng bộ đã mang thao tác xóa về đây. Các thay đổi của bạn vẫn còn trên biểu mẫu: hãy sao chép những gì cần thiết trước khi đóng.</translation>
    </message>
    <message>
        <source>The database refused to save this document. %1</source>
        <translation>Cơ sở dữ liệu từ chối lưu tài liệu này. %1</translation>
    </message>
    <message>
        <source>Ask the database&apos;s manager for access.</source>
        <translation>Hãy đề nghị người quản lý cơ sở dữ liệu cấp quyền.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was saved. Free some space and save again; your changes are still here.</source>
        <translation>Ổ đĩa đã đầy nên chưa lưu được gì. Hãy giải phóng bớt dung lượng rồi lưu lại; các thay đổi của bạn vẫn còn ở đây.</translation>
    </message>
    <message>
        <source>The database is busy (a synchronisation is writing to it). Save again in a moment; your changes are still here.</source>
        <translation>Cơ sở dữ liệu đang bận (đang ghi dữ liệu đồng bộ). Hãy lưu lại sau ít phút; các thay đổi của bạn vẫn còn ở đây.</translation>
    </message>
    <message>
        <source>This document was already deleted, here or on another computer.</source>
        <translation>Tài liệu này đã bị xóa, tại đây hoặc trên một máy tính khác.</translation>
    </message>
    <message>
        <source>This conflict was already resolved, here or on another replica. Close this window to see the document as it is now.</source>
        <translation>Xung đột này đã được giải quyết, tại đây hoặc trên một bản sao khác. Hãy đóng cửa sổ này để xem tài liệu ở trạng thái hiện tại.</translation>
    </message>
    <message>
        <source>You may not change this document. %1</source>
        <translation>Bạn không được sửa tài liệu này. %1</translation>
    </message>
    <message>
        <source>This document is not a replication conflict.</source>
        <translation>Tài liệu này không phải là xung đột đồng bộ.</translation>
    </message>
    <message>
        <source>No refused change of this document is recorded any more: it may have been restored already.</source>
        <translation>Không còn ghi nhận thay đổi bị từ chối nào của tài liệu này: có thể nó đã được khôi phục.</translation>
    </message>
    <message>
        <source>“%1” has not been downloaded to this computer yet: this replica holds summaries only. Synchronise the database with attachments to fetch it.</source>
        <translation>“%1” chưa được tải về máy tính này: bản sao này chỉ chứa thông tin tóm tắt. Hãy đồng bộ cơ sở dữ liệu kèm tệp đính kèm để tải tệp về.</translation>
    </message>
    <message>
        <source>“%1” was not found: it may have been moved or deleted.</source>
        <translation>Không tìm thấy “%1”: có thể tệp đã bị di chuyển hoặc xóa.</translation>
    </message>
    <message>
        <source>“%1” is damaged in this copy of the database. Ask the IT office to restore it from the server.</source>
        <translation>“%1” bị hỏng trong bản sao cơ sở dữ liệu này. Hãy đề nghị bộ phận CNTT khôi phục từ máy chủ.</translation>
    </message>
    <message>
        <source>The disk is full: “%1” could not be stored.</source>
        <translation>Ổ đĩa đã đầy: không lưu được “%1”.</translation>
    </message>
    <message>
        <source>“%1”: cancelled.</source>
        <translation>“%1”: đã hủy.</translation>
    </message>
    <message>
        <source>The password is wrong. Please try again.</source>
        <translation>Mật khẩu không đúng. Vui lòng thử lại.</translation>
    </message>
    <message>
        <source>This ID file is damaged. Ask the IT office for a new copy.</source>
        <translation>Tệp ID này bị hỏng. Hãy liên hệ bộ phận CNTT để được cấp lại.</translation>
    </message>
    <message>
        <source>The ID file was not found.</source>
        <translation>Không tìm thấy tệp ID.</translation>
    </message>
    <message>
        <source>This file is not a user&apos;s ID file.</source>
        <translation>Tệp này không phải là tệp ID người dùng.</translation>
    </message>
    <message>
        <source>The current password is wrong. Please try again.</source>
        <translation>Mật khẩu hiện tại không đúng. Vui lòng thử lại.</translation>
    </message>
    <message>
        <source>The new password is too weak: use at least %1 characters, or at least %2 that mix three of lowercase letters, uppercase letters, digits and other characters.</source>
        <translation>Mật khẩu mới quá yếu: hãy dùng ít nhất %1 ký tự, hoặc ít nhất %2 ký tự gồm ba trong bốn loại chữ thường, chữ hoa, chữ số và ký tự khác.</translation>
    </message>
    <message>
        <source>This workspace already has a database named %1.</source>
        <translation>Không gian làm việc này đã có cơ sở dữ liệu tên %1.</translation>
    </message>
    <message>
        <source>This workspace has no database named %1.</source>
        <translation>Không gian làm việc này không có cơ sở dữ liệu nào tên là %1.</translation>
    </message>
    <message>
        <source>The database %1 on this computer is damaged. Ask the IT office to restore it from the server or from a backup.</source>
        <translation>Cơ sở dữ liệu %1 trên máy tính này bị hỏng. Hãy đề nghị bộ phận CNTT khôi phục từ máy chủ hoặc từ bản lưu dự phòng.</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of Sen. Ask the IT office to update Sen.</source>
        <translation>Cơ sở dữ liệu %1 được ghi bởi phiên bản Sen mới hơn. Hãy đề nghị bộ phận CNTT cập nhật Sen.</translation>
    </message>
    <message>
        <source>The server does not allow this change.</source>
        <translation>Máy chủ không cho phép thay đổi này.</translation>
    </message>
    <message>
        <source>The server could not store this change.</source>
        <translation>Máy chủ không lưu được thay đổi này.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Đã xong.</translation>
    </message>
    <message>
        <source>This document is not in this database: it may have been deleted, here or on another computer.</source>
        <translation>Tài liệu này không có trong cơ sở dữ liệu: có thể nó đã bị xóa, tại đây hoặc trên một máy tính khác.</translation>
    </message>
    <message>
        <source>The new document cannot be created.</source>
        <translation>Không tạo được tài liệu mới.</translation>
    </message>
    <message>
        <source>The responses to this document cannot be shown.</source>
        <translation>Không hiển thị được các phản hồi của tài liệu này.</translation>
    </message>
    <message>
        <source>The documents in this dossier cannot be shown.</source>
        <translation>Không hiển thị được các văn bản trong hồ sơ này.</translation>
    </message>
    <message>
        <source>The document could not be filed in the dossier.</source>
        <translation>Không đưa được văn bản vào hồ sơ.</translation>
    </message>
    <message>
        <source>The document could not be taken out of the dossier.</source>
        <translation>Không rút được văn bản khỏi hồ sơ.</translation>
    </message>
    <message>
        <source>The view cannot be shown.</source>
        <translation>Không hiển thị được khung nhìn.</translation>
    </message>
    <message>
        <source>The views could not be brought up to date with the latest changes.</source>
        <translation>Không cập nhật được các khung nhìn theo những thay đổi mới nhất.</translation>
    </message>
    <message>
        <source>The search could not be done.</source>
        <translation>Không thực hiện được việc tìm kiếm.</translation>
    </message>
    <message>
        <source>Which documents you have read could not be recorded.</source>
        <translation>Không ghi nhận được những tài liệu bạn đã đọc.</translation>
    </message>
    <message>
        <source>The image “%1” could not be inserted.</source>
        <translation>Không chèn được hình ảnh “%1”.</translation>
    </message>
    <message>
        <source>The sync schedule could not be saved.</source>
        <translation>Không lưu được lịch đồng bộ.</translation>
    </message>
    <message>
        <source>The sync schedule of %1 could not be saved.</source>
        <translation>Không lưu được lịch đồng bộ của %1.</translation>
    </message>
    <message>
        <source>Sen cannot start.</source>
        <translation>Không khởi động được Sen.</translation>
    </message>
    <message>
        <source>Sen cannot start: the check of its encryption failed, so documents and passwords would not be safe. Ask the IT office to reinstall Sen.</source>
        <translation>Không khởi động được Sen: bước kiểm tra phần mã hóa không đạt, nên tài liệu và mật khẩu sẽ không được an toàn. Hãy đề nghị bộ phận CNTT cài đặt lại Sen.</translation>
    </message>
    <message>
        <source>“%1” could not be inserted: it is not a picture Sen can read. Use a PNG, JPEG, GIF, BMP or WebP image.</source>
        <translation>Không chèn được “%1”: đây không phải là hình ảnh mà Sen đọc được. Hãy dùng ảnh PNG, JPEG, GIF, BMP hoặc WebP.</translation>
    </message>
    <message>
        <source>The views could not be brought up to date: the database is busy (a synchronisation may be writing to it). Sen tries again in a moment.</source>
        <translation>Không cập nhật được các khung nhìn: cơ sở dữ liệu đang bận (có thể đang ghi dữ liệu đồng bộ). Sen sẽ thử lại sau ít phút.</translation>
    </message>
    <message>
        <source>Your access to this database does not let you change this document.</source>
        <translation>Quyền truy cập của bạn đối với cơ sở dữ liệu này không cho phép sửa tài liệu này.</translation>
    </message>
    <message>
        <source>Your access to this database does not let you delete this document.</source>
        <translation>Quyền truy cập của bạn đối với cơ sở dữ liệu này không cho phép xóa tài liệu này.</translation>
    </message>
    <message>
        <source>The register could not be printed.</source>
        <translation>Không in được sổ đăng ký.</translation>
    </message>
    <message>
        <source>The register of %1 could not be printed.</source>
        <translation>Không in được sổ đăng ký của %1.</translation>
    </message>
    <message>
        <source>The dossier&apos;s table of contents could not be printed.</source>
        <translation>Không in được mục lục văn bản của hồ sơ.</translation>
    </message>
    <message>
        <source>The dossier&apos;s table of contents in %1 could not be printed.</source>
        <translation>Không in được mục lục văn bản của hồ sơ trong %1.</translation>
    </message>
    <message>
        <source>The bundle of changes of %1 could not be written to “%2”.</source>
        <translation>Không ghi được gói thay đổi của %1 vào “%2”.</translation>
    </message>
    <message>
        <source>The bundle “%1” could not be imported into %2; nothing was changed.</source>
        <translation>Không nhập được gói “%1” vào %2; không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>The bundle “%1” was not imported; nothing was changed.</source>
        <translation>Gói “%1” chưa được nhập; không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete: copy it from the server&apos;s computer again.</source>
        <translation>Tệp bị hỏng hoặc không đầy đủ: hãy chép lại từ máy chủ.</translation>
    </message>
    <message>
        <source>It is not signed (it was written by an older version of Sen): ask for a new bundle.</source>
        <translation>Gói không có chữ ký (do phiên bản Sen cũ hơn tạo ra): hãy đề nghị tạo gói mới.</translation>
    </message>
    <message>
        <source>It was written by a newer version of Sen: update Sen first.</source>
        <translation>Gói do phiên bản Sen mới hơn tạo ra: hãy cập nhật Sen trước.</translation>
    </message>
    <message>
        <source>It was altered after it was signed: do not use it, and tell the IT office.</source>
        <translation>Gói đã bị sửa đổi sau khi ký: không sử dụng gói này và báo cho bộ phận công nghệ thông tin.</translation>
    </message>
    <message>
        <source>It was not signed by an ID of your organisation that is still valid (the ID may have been revoked): do not use it, and tell the IT office.</source>
        <translation>Gói không được ký bằng một ID còn hiệu lực của cơ quan (ID có thể đã bị thu hồi): không sử dụng gói này và báo cho bộ phận công nghệ thông tin.</translation>
    </message>
    <message>
        <source>Who made it cannot be checked: do not use it, and tell the IT office.</source>
        <translation>Không kiểm tra được ai đã tạo gói: không sử dụng gói này và báo cho bộ phận công nghệ thông tin.</translation>
    </message>
    <message>
        <source>It belongs to another database.</source>
        <translation>Gói thuộc về một cơ sở dữ liệu khác.</translation>
    </message>
    <message>
        <source>It was written by this computer: import the server&apos;s answer instead.</source>
        <translation>Gói do chính máy này tạo ra: hãy nhập gói trả lời của máy chủ.</translation>
    </message>
    <message>
        <source>The processing slip could not be printed.</source>
        <translation>Không in được phiếu giải quyết văn bản đến.</translation>
    </message>
    <message>
        <source>The processing slip of a document in %1 could not be printed.</source>
        <translation>Không in được phiếu giải quyết văn bản đến của một văn bản trong %1.</translation>
    </message>
    <message>
        <source>It is not a first bundle, so it cannot make a new database: ask the server&apos;s administrator for a first bundle written for you.</source>
        <translation>Đây không phải là gói đầu tiên nên không thể tạo cơ sở dữ liệu mới: hãy đề nghị người quản trị máy chủ tạo một gói đầu tiên cho bạn.</translation>
    </message>
    <message>
        <source>It was written for another user: ask for a bundle written for you.</source>
        <translation>Gói này được tạo cho người dùng khác: hãy đề nghị tạo một gói cho bạn.</translation>
    </message>
    <message>
        <source>This database is in this workspace already: import the bundle into it instead.</source>
        <translation>Cơ sở dữ liệu này đã có trong không gian làm việc: hãy nhập gói vào cơ sở dữ liệu đó.</translation>
    </message>
    <message>
        <source>A database of that name is in this workspace already.</source>
        <translation>Không gian làm việc này đã có cơ sở dữ liệu trùng tên.</translation>
    </message>
</context>
<context>
    <name>OfficeBundle</name>
    <message>
        <source>Bundle written: %1 documents, %2 attachment parts.</source>
        <translation>Đã ghi gói: %1 văn bản, %2 phần tệp đính kèm.</translation>
    </message>
    <message>
        <source>This bundle was imported before: nothing changed.</source>
        <translation>Gói này đã được nhập trước đây: không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Bundle imported: %1 of its %2 documents changed this database.</source>
        <translation>Đã nhập gói: %1 trong số %2 văn bản của gói đã cập nhật vào cơ sở dữ liệu này.</translation>
    </message>
    <message>
        <source>Refused and not stored: %1.</source>
        <translation>Bị từ chối và không lưu: %1.</translation>
    </message>
    <message>
        <source>The server refused %1 of your changes: see the refused changes.</source>
        <translation>Máy chủ đã từ chối %1 thay đổi của bạn: xem các thay đổi bị từ chối.</translation>
    </message>
    <message>
        <source>Conflicts to resolve: %1.</source>
        <translation>Xung đột cần giải quyết: %1.</translation>
    </message>
    <message>
        <source>Registrations numbered by the server: %1.</source>
        <translation>Văn bản được máy chủ cấp số: %1.</translation>
    </message>
    <message>
        <source>Database %1 created from the bundle: %2 documents.</source>
        <translation>Đã tạo cơ sở dữ liệu %1 từ gói: %2 văn bản.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Ổ đĩa</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Không rõ</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Tìm trong:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Loại tệp:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Tiến tới</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Dạng danh sách</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Dạng chi tiết</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 đã có.
Bạn có muốn thay thế không?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>“%1” được bảo vệ chống ghi.
Bạn vẫn muốn xóa?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Bạn có chắc muốn xóa “%1”?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Không xóa được thư mục.</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Nơi mở gần đây</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp ẩ&amp;n</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Chọn thư mục</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Đi tiếp</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Xem dạng danh sách</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Xem dạng chi tiết</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Ngày sửa đổi</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Máy tính của tôi</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Hiện chi tiết...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Không &amp;với tất cả</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ liên &amp;kết</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>ReplicaDetails</name>
    <message>
        <source>%1 document %2</source>
        <translation>Tài liệu %1 %2</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Dung lượng truyền</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Thành công</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Đã dừng</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Thất bại</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Sự việc</translation>
    </message>
    <message>
        <source>Just now</source>
        <translation>Vừa xong</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Refused by</source>
        <translation>Bên từ chối</translation>
    </message>
    <message>
        <source>(changed since; the new version will be offered at the next sync)</source>
        <translation>(đã được sửa sau đó; phiên bản mới sẽ được gửi ở lần đồng bộ tới)</translation>
    </message>
    <message>
        <source>Deletion refused by the server: %1</source>
        <translation>Máy chủ từ chối việc xoá: %1</translation>
    </message>
    <message>
        <source>Change refused by the server: %1</source>
        <translation>Máy chủ từ chối thay đổi: %1</translation>
    </message>
</context>
<context>
    <name>ReplicaServerList</name>
    <message>
        <source>%1 is a local database: it has no servers.</source>
        <translation>%1 là cơ sở dữ liệu cục bộ: không có máy chủ.</translation>
    </message>
    <message>
        <source>Enter one server at a time.</source>
        <translation>Mỗi lần nhập một máy chủ.</translation>
    </message>
    <message>
        <source>A replica lists at most %1 servers.</source>
        <translation>Một bản sao có tối đa %1 máy chủ.</translation>
    </message>
    <message>
        <source>The server address must look like NAME:PORT, for example sen.hanoi.gov.vn:1352.</source>
        <translation>Địa chỉ máy chủ phải có dạng TÊN:CỔNG, ví dụ sen.hanoi.gov.vn:1352.</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 đã có trong danh sách.</translation>
    </message>
    <message>
        <source>Choose a server first.</source>
        <translation>Hãy chọn một máy chủ trước.</translation>
    </message>
    <message>
        <source>A replica keeps at least one server.</source>
        <translation>Một bản sao phải có ít nhất một máy chủ.</translation>
    </message>
    <message>
        <source>That server cannot move further.</source>
        <translation>Không thể chuyển máy chủ này đi xa hơn.</translation>
    </message>
    <message>
        <source>Last served by %1</source>
        <translation>Lần đồng bộ thành công gần nhất qua %1</translation>
    </message>
    <message>
        <source>Last served by %1 (%2)</source>
        <translation>Lần đồng bộ thành công gần nhất qua %1 (%2)</translation>
    </message>
</context>
<context>
    <name>SlipPrintPreview</name>
    <message>
        <source>Print processing slip</source>
        <translation>In phiếu giải quyết văn bản đến</translation>
    </message>
</context>
<context>
    <name>sen::app::ArticleText</name>
    <message>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>[Image: %1]</source>
        <translation>[Hình: %1]</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Tệp đính kèm:</translation>
    </message>
</context>
<context>
    <name>sen::app::DatabaseSession</name>
    <message>
        <source>this document is already registered: %1</source>
        <translation>văn bản này đã được vào sổ: %1</translation>
    </message>
    <message>
        <source>arrival number %1 of %2 (%3)</source>
        <translation>số đến %1 ngày %2 (%3)</translation>
    </message>
</context>
<context>
    <name>sen::app::Invitations</name>
    <message>
        <source>not an entry of the work schedule</source>
        <translation>không phải là một mục của lịch công tác</translation>
    </message>
    <message>
        <source>log in first: the reply is signed with your name</source>
        <translation>hãy đăng nhập trước: trả lời được ký bằng tên của bạn</translation>
    </message>
    <message>
        <source>this entry does not invite you</source>
        <translation>mục lịch này không mời bạn</translation>
    </message>
    <message>
        <source>the meeting is postponed or cancelled</source>
        <translation>cuộc họp đã hoãn hoặc hủy</translation>
    </message>
    <message>
        <source>name the person you send in your place</source>
        <translation>hãy ghi tên người bạn cử đi thay</translation>
    </message>
    <message>
        <source>a delegate is named only when you send one</source>
        <translation>chỉ ghi người thay khi bạn cử người đi thay</translation>
    </message>
    <message>
        <source>the note is longer than %1 characters</source>
        <translation>ghi chú dài quá %1 ký tự</translation>
    </message>
</context>
<context>
    <name>sen::app::MyWork</name>
    <message>
        <source>agency leader&apos;s direction</source>
        <translation>lãnh đạo cơ quan giao</translation>
    </message>
    <message>
        <source>unit head&apos;s direction</source>
        <translation>lãnh đạo đơn vị giao</translation>
    </message>
    <message>
        <source>Presented to you for direction</source>
        <translation>Trình đồng chí cho ý kiến chỉ đạo</translation>
    </message>
    <message>
        <source>Returned: awaiting a new direction</source>
        <translation>Bị trả lại: chờ chỉ đạo lại</translation>
    </message>
    <message>
        <source>Assign within your unit (agency leader&apos;s direction)</source>
        <translation>Phân công trong đơn vị (theo ý kiến chỉ đạo của lãnh đạo cơ quan)</translation>
    </message>
    <message>
        <source>Lead: %1</source>
        <translation>Chủ trì: %1</translation>
    </message>
    <message>
        <source>Co-ordinating: %1</source>
        <translation>Phối hợp: %1</translation>
    </message>
    <message>
        <source>Registered, not yet presented</source>
        <translation>Đã vào sổ, chưa trình</translation>
    </message>
    <message>
        <source>Arrived %1</source>
        <translation>Đến ngày %1</translation>
    </message>
    <message>
        <source>Today&apos;s schedule</source>
        <translation>Lịch công tác hôm nay</translation>
    </message>
    <message>
        <source>Today&apos;s schedule, at %1</source>
        <translation>Lịch công tác hôm nay, tại %1</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>Giao cho tôi</translation>
    </message>
    <message>
        <source>Awaiting my opinion</source>
        <translation>Chờ ý kiến của tôi</translation>
    </message>
    <message>
        <source>To present to the leaders</source>
        <translation>Cần trình lãnh đạo</translation>
    </message>
    <message>
        <source>New incoming documents</source>
        <translation>Văn bản đến mới</translation>
    </message>
    <message>
        <source>Invitation awaiting your reply</source>
        <translation>Giấy mời chờ bạn trả lời</translation>
    </message>
    <message>
        <source>Invitation, at %1</source>
        <translation>Giấy mời, tại %1</translation>
    </message>
    <message>
        <source>Invitation to %1</source>
        <translation>Giấy mời gửi %1</translation>
    </message>
    <message>
        <source>Invitations awaiting my reply</source>
        <translation>Giấy mời chờ tôi trả lời</translation>
    </message>
</context>
<context>
    <name>sen::app::NameFields</name>
    <message>
        <source>&quot;%1&quot; in %2 could be any of: %3. Choose one of them.</source>
        <translation>Tên &quot;%1&quot; ở trường %2 có thể là bất kỳ ai trong số: %3. Hãy chọn một người.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in %2 is not in the organisation&apos;s directory.</source>
        <translation>Không tìm thấy &quot;%1&quot; (trường %2) trong danh bạ của cơ quan.</translation>
    </message>
</context>
<context>
    <name>sen::app::NewsReader</name>
    <message>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <source>no news article %1 in this database</source>
        <translation>không có tin bài %1 trong cơ sở dữ liệu này</translation>
    </message>
    <message>
        <source>the article %1 is not published yet</source>
        <translation>tin bài %1 chưa được đăng</translation>
    </message>
    <message>
        <source>this database has no read marks yet</source>
        <translation>cơ sở dữ liệu này chưa có dấu đã đọc</translation>
    </message>
</context>
<context>
    <name>sen::app::Search</name>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Search index being built: %1 %; the results are incomplete.</source>
        <translation>Đang xây dựng chỉ mục tìm kiếm: %1 %; kết quả chưa đầy đủ.</translation>
    </message>
</context>
<context>
    <name>sen::app::WeekSchedule</name>
    <message>
        <source>log in first: the record is signed with your name</source>
        <translation>hãy đăng nhập trước: bản ghi được ký bằng tên của bạn</translation>
    </message>
    <message>
        <source>the week is already approved</source>
        <translation>lịch tuần này đã được duyệt</translation>
    </message>
    <message>
        <source>the week is already published</source>
        <translation>lịch tuần này đã được công bố</translation>
    </message>
    <message>
        <source>the week must be approved before it is published</source>
        <translation>lịch tuần phải được duyệt trước khi công bố</translation>
    </message>
    <message>
        <source>say what changes and why</source>
        <translation>hãy ghi rõ thay đổi gì và lý do</translation>
    </message>
    <message>
        <source>not an entry of the work schedule</source>
        <translation>không phải là một mục của lịch công tác</translation>
    </message>
    <message>
        <source>Added after publication</source>
        <translation>Bổ sung sau khi công bố</translation>
    </message>
</context>
<context>
    <name>sen::app::WorkNotifier</name>
    <message>
        <source>New: %1</source>
        <translation>Mới: %1</translation>
    </message>
    <message>
        <source>Due soon: %1</source>
        <translation>Sắp đến hạn: %1</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>Quá hạn: %1</translation>
    </message>
</context>
<context>
    <name>sen::app::Workflow</name>
    <message>
        <source>the document has been deleted</source>
        <translation>văn bản đã bị xóa</translation>
    </message>
    <message>
        <source>only an incoming document is processed this way</source>
        <translation>chỉ văn bản đến mới được xử lý theo cách này</translation>
    </message>
    <message>
        <source>the step belongs to no incoming document</source>
        <translation>bước xử lý này không thuộc văn bản đến nào</translation>
    </message>
    <message>
        <source>name the leaders the document is presented to</source>
        <translation>hãy ghi lãnh đạo được trình văn bản</translation>
    </message>
    <message>
        <source>name who leads the handling</source>
        <translation>hãy ghi người chủ trì giải quyết</translation>
    </message>
    <message>
        <source>write the direction</source>
        <translation>hãy ghi ý kiến chỉ đạo</translation>
    </message>
    <message>
        <source>a report answers a direction (phiếu xử lý)</source>
        <translation>báo cáo phải trả lời một phiếu xử lý</translation>
    </message>
    <message>
        <source>the direction names you neither as lead nor as co-ordinating</source>
        <translation>phiếu xử lý không giao cho đồng chí chủ trì hay phối hợp</translation>
    </message>
</context>
<context>
    <name>sen::app::WorkflowCells</name>
    <message>
        <source>overdue %1</source>
        <translation>quá hạn %1</translation>
    </message>
    <message>
        <source>due soon %1</source>
        <translation>sắp đến hạn %1</translation>
    </message>
</context>
<context>
    <name>sen::client::NumberRequests</name>
    <message>
        <source>the server&apos;s answer was not used: it gave number %1 for the number %2 typed</source>
        <translation>không dùng câu trả lời của máy chủ: máy chủ cấp số %1 cho số đề nghị %2</translation>
    </message>
    <message>
        <source>the server&apos;s answer was not used: it gave number %1 to more than one registration of the register</source>
        <translation>không dùng câu trả lời của máy chủ: máy chủ cấp số %1 của sổ cho nhiều văn bản</translation>
    </message>
    <message>
        <source>the server&apos;s answer was not used: it gave number %1 of the register to another registration in this session</source>
        <translation>không dùng câu trả lời của máy chủ: trong phiên này máy chủ đã cấp số %1 của sổ cho văn bản khác</translation>
    </message>
    <message>
        <source>the register or the date of the registration changed while its number was asked; it asks again at the next sync</source>
        <translation>sổ đăng ký hoặc ngày của văn bản đã thay đổi trong khi đang xin cấp số; sẽ xin lại ở lần đồng bộ sau</translation>
    </message>
</context>
<context>
    <name>sen::client::RefusedChanges</name>
    <message>
        <source>Drafts: %1</source>
        <translation>Bản nháp: %1</translation>
    </message>
</context>
<context>
    <name>sen::forms</name>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Number and symbol</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Date issued</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <source>Secrecy</source>
        <translation>Độ mật</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Nội dung chi tiết</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Incoming document</source>
        <translation>Văn bản đến</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Vào sổ</translation>
    </message>
    <message>
        <source>Arrival number</source>
        <translation>Số đến</translation>
    </message>
    <message>
        <source>Arrival date</source>
        <translation>Ngày đến</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>Xử lý</translation>
    </message>
    <message>
        <source>Receiving units or persons</source>
        <translation>Đơn vị hoặc người nhận</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Paper original kept at</source>
        <translation>Nơi lưu bản giấy</translation>
    </message>
    <message>
        <source>Internal document</source>
        <translation>Văn bản nội bộ</translation>
    </message>
    <message>
        <source>Outgoing document</source>
        <translation>Văn bản đi</translation>
    </message>
    <message>
        <source>Issuing</source>
        <translation>Phát hành</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <source>Reply deadline</source>
        <translation>Hạn trả lời</translation>
    </message>
    <message>
        <source>Copies issued</source>
        <translation>Số bản phát hành</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Ý kiến</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Người góp ý</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Processing slip</source>
        <translation>Phiếu xử lý</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Nội dung chỉ đạo</translation>
    </message>
    <message>
        <source>Handler&apos;s report</source>
        <translation>Kết quả xử lý</translation>
    </message>
    <message>
        <source>Work schedule entry</source>
        <translation>Lịch công tác</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Buổi</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Công việc</translation>
    </message>
    <message>
        <source>Presiding</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Thành phần</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Preparing unit</source>
        <translation>Đơn vị chuẩn bị</translation>
    </message>
    <message>
        <source>News article</source>
        <translation>Tin bài</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Tóm tắt</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Ngày đăng</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Trường này là bắt buộc.</translation>
    </message>
    <message>
        <source>A document classified %1 may not hold this field: clear it, the content stays on paper.</source>
        <translation>Văn bản có độ mật “%1” không được chứa trường này: hãy xóa nội dung, nội dung chỉ lưu trên bản giấy.</translation>
    </message>
    <message>
        <source>A document classified %1 may not have attachments: remove them, the files stay on paper.</source>
        <translation>Văn bản có độ mật “%1” không được có tệp đính kèm: hãy gỡ bỏ, tài liệu chỉ lưu trên bản giấy.</translation>
    </message>
    <message>
        <source>This document is classified %1. By the Law on Protection of State Secrets its content never travels over a network: Sen keeps only its register entry. The body, notes and attachments stay closed; the paper original (or the cryptographic channel) carries the content.</source>
        <translation>Văn bản này có độ mật “%1”. Theo Luật Bảo vệ bí mật nhà nước, nội dung văn bản không được truyền qua mạng: Sen chỉ lưu thông tin vào sổ. Nội dung chi tiết, ghi chú và tệp đính kèm bị khóa; nội dung được chuyển bằng bản giấy (hoặc qua kênh cơ yếu).</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Dossier number and symbol</source>
        <translation>Số và ký hiệu hồ sơ</translation>
    </message>
    <message>
        <source>Dossier title</source>
        <translation>Tiêu đề hồ sơ</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Thời hạn bảo quản</translation>
    </message>
    <message>
        <source>Access regime</source>
        <translation>Chế độ sử dụng</translation>
    </message>
    <message>
        <source>Kept by</source>
        <translation>Người lập hồ sơ</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Ngày mở hồ sơ</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Ngày kết thúc</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Ký hiệu</translation>
    </message>
    <message>
        <source>Issuing body&apos;s identifier code</source>
        <translation>Mã định danh cơ quan ban hành</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <source>Signer&apos;s position</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <source>Position in dossier</source>
        <translation>Số thứ tự trong hồ sơ</translation>
    </message>
    <message>
        <source>Enter a whole number, 0 or more.</source>
        <translation>Nhập một số nguyên từ 0 trở lên.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n digit(s).</source>
        <translation>
            <numerusform>Tối đa %n chữ số.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s) (ND 30 Phụ lục VI); this has %1.</source>
        <translation>
            <numerusform>Tối đa %n ký tự (Phụ lục VI Nghị định 30); nội dung này có %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Sổ đăng ký</translation>
    </message>
    <message>
        <source>Register name</source>
        <translation>Tên sổ</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Register of classified documents</source>
        <translation>Sổ văn bản mật</translation>
    </message>
    <message>
        <source>Numbers start again</source>
        <translation>Đánh số lại từ 1 mỗi</translation>
    </message>
    <message>
        <source>Series: document type abbreviation</source>
        <translation>Hệ số: chữ viết tắt tên loại</translation>
    </message>
    <message>
        <source>Series: issuer abbreviation</source>
        <translation>Hệ số: chữ viết tắt cơ quan ban hành</translation>
    </message>
    <message>
        <source>Copy type</source>
        <translation>Loại bản sao</translation>
    </message>
    <message>
        <source>Symbols written the way of</source>
        <translation>Cách ghi ký hiệu theo</translation>
    </message>
    <message>
        <source>Catalogue entry</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Abbreviation</source>
        <translation>Viết tắt</translation>
    </message>
    <message>
        <source>Party abbreviation, where different</source>
        <translation>Viết tắt theo quy định của Đảng (nếu khác)</translation>
    </message>
    <message>
        <source>Identifier code</source>
        <translation>Mã định danh</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Thứ tự</translation>
    </message>
    <message>
        <source>No longer offered</source>
        <translation>Ngừng sử dụng</translation>
    </message>
    <message>
        <source>Day off or make-up working day</source>
        <translation>Ngày nghỉ, ngày làm bù</translation>
    </message>
    <message>
        <source>Working calendar</source>
        <translation>Lịch làm việc</translation>
    </message>
    <message>
        <source>The day is</source>
        <translation>Ngày này</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>edXML document ID</source>
        <translation>Mã văn bản điện tử (edXML)</translation>
    </message>
    <message>
        <source>Opinion of</source>
        <translation>Ý kiến của</translation>
    </message>
    <message>
        <source>Directed by</source>
        <translation>Người cho ý kiến</translation>
    </message>
    <message>
        <source>Directed on</source>
        <translation>Ngày cho ý kiến</translation>
    </message>
    <message>
        <source>Lead (chủ trì)</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Co-ordinating (phối hợp)</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Trình văn bản</translation>
    </message>
    <message>
        <source>Presented by</source>
        <translation>Người trình</translation>
    </message>
    <message>
        <source>Presented on</source>
        <translation>Thời gian trình</translation>
    </message>
    <message>
        <source>Presented to</source>
        <translation>Trình</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Người báo cáo</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>Thời gian báo cáo</translation>
    </message>
    <message>
        <source>As</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Report or proposal</source>
        <translation>Nội dung báo cáo, đề xuất</translation>
    </message>
    <message>
        <source>Reply number and symbol</source>
        <translation>Số, ký hiệu văn bản trả lời</translation>
    </message>
    <message>
        <source>Serving office leader (LĐVP)</source>
        <translation>Lãnh đạo Văn phòng phục vụ (LĐVP)</translation>
    </message>
</context>
<context>
    <name>sen::gui</name>
    <message>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Work schedule</source>
        <translation>Lịch công tác</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Tin tức</translation>
    </message>
</context>
<context>
    <name>sen::gui::AddReplicaDialog</name>
    <message>
        <source>Add a replica from a server</source>
        <translation>Thêm bản sao từ máy chủ</translation>
    </message>
    <message>
        <source>e.g. sen.hanoi.gov.vn:1352</source>
        <translation>ví dụ: sen.hanoi.gov.vn:1352</translation>
    </message>
    <message>
        <source>e.g. vanban</source>
        <translation>ví dụ: vanban</translation>
    </message>
    <message>
        <source>all forms</source>
        <translation>tất cả biểu mẫu</translation>
    </message>
    <message>
        <source>Summary only: fetch attachments when they are opened</source>
        <translation>Chỉ lấy thông tin tóm tắt: tải tệp đính kèm khi mở</translation>
    </message>
    <message>
        <source>Add and sync</source>
        <translation>Thêm và đồng bộ</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Máy chủ:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Cơ sở dữ liệu:</translation>
    </message>
    <message>
        <source>Only these forms:</source>
        <translation>Chỉ các biểu mẫu:</translation>
    </message>
    <message>
        <source>Sen copies the database from the server to this computer, then keeps both in step at each sync.</source>
        <translation>Sen sao chép cơ sở dữ liệu từ máy chủ về máy tính này, sau đó giữ cho hai bên thống nhất sau mỗi lần đồng bộ.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address and the database&apos;s name.</source>
        <translation>Hãy nhập địa chỉ máy chủ và tên cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>A database name has only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>Tên cơ sở dữ liệu chỉ gồm chữ cái, chữ số, &apos;-&apos;, &apos;_&apos; và &apos;.&apos;.</translation>
    </message>
    <message>
        <source>The server address must look like NAME:PORT, for example sen.hanoi.gov.vn:1352; several servers, tried in order, are separated by commas (at most %1).</source>
        <translation>Địa chỉ máy chủ phải có dạng TÊN:CỔNG, ví dụ sen.hanoi.gov.vn:1352; nhiều máy chủ (thử lần lượt theo thứ tự) thì cách nhau bằng dấu phẩy (tối đa %1).</translation>
    </message>
</context>
<context>
    <name>sen::gui::AttachmentPanel</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Lưu thành…</translation>
    </message>
    <message>
        <source>not downloaded yet</source>
        <translation>chưa tải về</translation>
    </message>
    <message>
        <source>new, not saved yet</source>
        <translation>mới, chưa lưu</translation>
    </message>
    <message>
        <source>Add attachments</source>
        <translation>Thêm tệp đính kèm</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Lưu tệp đính kèm</translation>
    </message>
    <message>
        <source>Switch to editing to add attachments.</source>
        <translation>Hãy chuyển sang chế độ sửa để thêm tệp đính kèm.</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>“%1” không phải là tệp.</translation>
    </message>
    <message>
        <source>The document has no database for its attachments.</source>
        <translation>Tài liệu không có cơ sở dữ liệu để lưu tệp đính kèm.</translation>
    </message>
    <message>
        <source>No application on this computer opens “%1”. Save it and open it from the folder.</source>
        <translation>Không có ứng dụng nào trên máy tính này mở được “%1”. Hãy lưu tệp rồi mở từ thư mục.</translation>
    </message>
    <message>
        <source>“%1” is a database file of this workspace and cannot be attached while Sen uses it. Make a backup copy and attach that.</source>
        <translation>“%1” là tệp cơ sở dữ liệu của không gian làm việc này, không thể đính kèm khi Sen đang dùng. Hãy sao lưu một bản rồi đính kèm bản sao đó.</translation>
    </message>
    <message>
        <source>“%1” is a database file of this workspace: choose another file to save the attachment to.</source>
        <translation>“%1” là tệp cơ sở dữ liệu của không gian làm việc này: hãy chọn tệp khác để lưu tệp đính kèm.</translation>
    </message>
</context>
<context>
    <name>sen::gui::BundleActions</name>
    <message>
        <source>Export change bundle…</source>
        <translation>Xuất gói thay đổi…</translation>
    </message>
    <message>
        <source>Write this replica&apos;s unsent changes to a file to carry to the server</source>
        <translation>Ghi các thay đổi chưa gửi của bản sao này ra tệp để mang đến máy chủ</translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation>Nhập gói…</translation>
    </message>
    <message>
        <source>Import the answer bundle the server&apos;s administrator wrote</source>
        <translation>Nhập gói trả lời do người quản trị máy chủ tạo ra</translation>
    </message>
    <message>
        <source>Sen bundles (*.senbundle);;All files (*)</source>
        <translation>Gói Sen (*.senbundle);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Export change bundle</source>
        <translation>Xuất gói thay đổi</translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation>Nhập gói</translation>
    </message>
    <message>
        <source>Create replica from bundle…</source>
        <translation>Tạo bản sao từ gói…</translation>
    </message>
    <message>
        <source>Make a new replica from the first bundle the server&apos;s administrator wrote for you, when this office has no link at all</source>
        <translation>Tạo bản sao mới từ gói đầu tiên người quản trị máy chủ tạo cho bạn, khi văn phòng này hoàn toàn không có kết nối mạng</translation>
    </message>
    <message>
        <source>Create replica from bundle</source>
        <translation>Tạo bản sao từ gói</translation>
    </message>
</context>
<context>
    <name>sen::gui::CancelEntryDialog</name>
    <message>
        <source>Postpone or cancel the entry</source>
        <translation>Hoãn hoặc hủy mục lịch</translation>
    </message>
    <message>
        <source>e.g. postponed to next week</source>
        <translation>ví dụ: hoãn sang tuần sau</translation>
    </message>
    <message>
        <source>The entry stays in the week, struck through and marked “Hoãn/Hủy”; the log keeps why.</source>
        <translation>Mục lịch vẫn ở trong tuần, bị gạch ngang và đánh dấu “Hoãn/Hủy”; nhật ký ghi lại lý do.</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>Postpone/cancel</source>
        <translation>Hoãn/Hủy</translation>
    </message>
    <message>
        <source>Say why the entry is postponed or cancelled.</source>
        <translation>Hãy nêu lý do hoãn hoặc hủy.</translation>
    </message>
</context>
<context>
    <name>sen::gui::ChangeEntryDialog</name>
    <message>
        <source>Change the entry</source>
        <translation>Thay đổi mục lịch</translation>
    </message>
    <message>
        <source>One a line: names from the directory, or an outside body</source>
        <translation>Mỗi dòng một: tên trong danh bạ, hoặc cơ quan bên ngoài</translation>
    </message>
    <message>
        <source>What changes and why, e.g. moved to 9:00 at the leader&apos;s request</source>
        <translation>Thay đổi gì và vì sao, ví dụ: chuyển sang 9 giờ theo ý kiến Lãnh đạo</translation>
    </message>
    <message>
        <source>The week is published: the change is logged and shown as “Thay đổi”.</source>
        <translation>Lịch tuần đã công bố: thay đổi được ghi nhật ký và hiển thị là “Thay đổi”.</translation>
    </message>
    <message>
        <source>Day, session, time:</source>
        <translation>Ngày, buổi, giờ:</translation>
    </message>
    <message>
        <source>Content:</source>
        <translation>Nội dung:</translation>
    </message>
    <message>
        <source>Presiding:</source>
        <translation>Chủ trì:</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>Thành phần:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Địa điểm:</translation>
    </message>
    <message>
        <source>Preparing unit:</source>
        <translation>Đơn vị chuẩn bị:</translation>
    </message>
    <message>
        <source>Serving office leader:</source>
        <translation>LĐVP phục vụ:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Reason for the change:</source>
        <translation>Lý do thay đổi:</translation>
    </message>
    <message>
        <source>Save change</source>
        <translation>Lưu thay đổi</translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation>Chưa có gì thay đổi.</translation>
    </message>
    <message>
        <source>The content may not be empty.</source>
        <translation>Nội dung không được để trống.</translation>
    </message>
    <message>
        <source>Say what changes and why.</source>
        <translation>Hãy nêu thay đổi gì và vì sao.</translation>
    </message>
</context>
<context>
    <name>sen::gui::ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <source>The new password needs at least %1 characters, or at least %2 that mix three of: lowercase letters, uppercase letters, digits, other characters.</source>
        <translation>Mật khẩu mới cần có ít nhất %1 ký tự, hoặc ít nhất %2 ký tự gồm ba trong bốn loại: chữ thường, chữ hoa, chữ số, ký tự khác.</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Mật khẩu hiện tại:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Mật khẩu mới:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>Nhập lại mật khẩu mới:</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Đổi</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the new password twice the same.</source>
        <translation>Hai lần nhập mật khẩu mới không giống nhau. Hãy nhập mật khẩu mới hai lần như nhau.</translation>
    </message>
</context>
<context>
    <name>sen::gui::ClientApp</name>
    <message>
        <source>Sen</source>
        <translation>Sen</translation>
    </message>
</context>
<context>
    <name>sen::gui::ConflictDialog</name>
    <message>
        <source>Replication conflict</source>
        <translation>Xung đột đồng bộ</translation>
    </message>
    <message>
        <source>This document was changed in two places at the same time. Compare the two versions, then keep one of them or combine them: tick &quot;Use the other&quot; for each item whose other value you want.</source>
        <translation>Tài liệu này đã được sửa ở hai nơi cùng lúc. Hãy so sánh hai phiên bản, rồi giữ lại một phiên bản hoặc kết hợp cả hai: đánh dấu &quot;Dùng bản kia&quot; ở từng trường muốn lấy giá trị của phiên bản kia.</translation>
    </message>
    <message>
        <source>This version has been deleted since. Keeping the other version, or any of its values, restores it as a new document.</source>
        <translation>Phiên bản này đã bị xóa sau đó. Nếu giữ phiên bản kia, hoặc bất kỳ giá trị nào của nó, tài liệu sẽ được khôi phục thành tài liệu mới.</translation>
    </message>
    <message>
        <source>This version is itself a conflict document; it stays one until it is resolved in turn.</source>
        <translation>Bản thân phiên bản này cũng là một tài liệu xung đột; nó vẫn là xung đột cho đến khi được giải quyết.</translation>
    </message>
    <message>
        <source>The two versions now hold the same values.</source>
        <translation>Hai phiên bản hiện có giá trị giống nhau.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>This version</source>
        <translation>Phiên bản này</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Sửa lúc</translation>
    </message>
    <message>
        <source>Use the other</source>
        <translation>Dùng bản kia</translation>
    </message>
    <message>
        <source>The other version</source>
        <translation>Phiên bản kia</translation>
    </message>
    <message>
        <source>Keep this version</source>
        <translation>Giữ phiên bản này</translation>
    </message>
    <message>
        <source>Keep the other version</source>
        <translation>Giữ phiên bản kia</translation>
    </message>
    <message>
        <source>Combine as chosen</source>
        <translation>Kết hợp theo lựa chọn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>The document this conflict belongs to is not in this database on this computer.</source>
        <translation>Tài liệu gốc của xung đột này không có trong cơ sở dữ liệu trên máy tính này.</translation>
    </message>
    <message>
        <source>Use the other version&apos;s value for this item</source>
        <translation>Dùng giá trị của phiên bản kia cho trường này</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>sen::gui::DatabasePage</name>
    <message>
        <source>Open database</source>
        <translation>Mở cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Tạo mới</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation>Đánh dấu đã đọc</translation>
    </message>
    <message>
        <source>Mark unread</source>
        <translation>Đánh dấu chưa đọc</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Đánh dấu đã đọc tất cả</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Search (with or without diacritics)…</source>
        <translation>Tìm kiếm (có dấu hoặc không dấu)…</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) found</source>
        <translation>
            <numerusform>Tìm thấy %n tài liệu</numerusform>
        </translation>
    </message>
    <message>
        <source>This document is no longer in the database.</source>
        <translation>Tài liệu này không còn trong cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Xóa tài liệu</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? The deletion replicates to every copy of the database.</source>
        <translation>Xóa “%1”? Việc xóa sẽ được đồng bộ tới mọi bản sao của cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>File in dossier…</source>
        <translation>Đưa vào hồ sơ…</translation>
    </message>
    <message>
        <source>File in dossier</source>
        <translation>Đưa vào hồ sơ</translation>
    </message>
    <message>
        <source>There is no dossier in this database yet: make one with New ▸ Dossier.</source>
        <translation>Cơ sở dữ liệu này chưa có hồ sơ nào: hãy tạo bằng Tạo mới ▸ Hồ sơ.</translation>
    </message>
    <message>
        <source>Choose the dossier:</source>
        <translation>Chọn hồ sơ:</translation>
    </message>
    <message>
        <source>Filed in %1</source>
        <translation>Đã đưa vào %1</translation>
    </message>
    <message>
        <source>You may not delete this document: the server would refuse the deletion.</source>
        <translation>Bạn không có quyền xóa tài liệu này: máy chủ sẽ từ chối việc xóa.</translation>
    </message>
    <message>
        <source>Print register…</source>
        <translation>In sổ đăng ký…</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Nâng cao</translation>
    </message>
    <message>
        <source>Search by number and symbol, issuer, dates, or in every database</source>
        <translation>Tìm theo số, ký hiệu, cơ quan ban hành, ngày tháng, hoặc trong mọi cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Type dates as dd/mm/yyyy, the first not after the second.</source>
        <translation>Nhập ngày theo dạng dd/mm/yyyy, ngày đầu không sau ngày cuối.</translation>
    </message>
    <message>
        <source>Print follow-up register…</source>
        <translation>In sổ theo dõi giải quyết…</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Tài liệu mới</translation>
    </message>
    <message>
        <source>New document (%1)</source>
        <translation>Tài liệu mới (%1)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Sync this database now (F9)</source>
        <translation>Đồng bộ cơ sở dữ liệu này ngay (F9)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>Search this database (%1)</source>
        <translation>Tìm trong cơ sở dữ liệu này (%1)</translation>
    </message>
    <message>
        <source>New response</source>
        <translation>Phản hồi mới</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Sao chép liên kết</translation>
    </message>
    <message>
        <source>The document&apos;s link is on the clipboard.</source>
        <translation>Đã sao chép liên kết của tài liệu.</translation>
    </message>
    <message>
        <source>Week schedule…</source>
        <translation>Lịch công tác tuần…</translation>
    </message>
    <message>
        <source>Read the news</source>
        <translation>Đọc tin</translation>
    </message>
</context>
<context>
    <name>sen::gui::DirectDialog</name>
    <message>
        <source>Give direction</source>
        <translation>Cho ý kiến chỉ đạo</translation>
    </message>
    <message>
        <source>Assign onward</source>
        <translation>Giao tiếp</translation>
    </message>
    <message>
        <source>Opinion of:</source>
        <translation>Ý kiến của:</translation>
    </message>
    <message>
        <source>the agency&apos;s leadership</source>
        <translation>lãnh đạo cơ quan</translation>
    </message>
    <message>
        <source>the unit&apos;s head</source>
        <translation>lãnh đạo đơn vị</translation>
    </message>
    <message>
        <source>Carrying out:</source>
        <translation>Thực hiện ý kiến:</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>Hạn giải quyết:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Ý kiến chỉ đạo:</translation>
    </message>
    <message>
        <source>Lead (chủ trì):</source>
        <translation>Chủ trì:</translation>
    </message>
    <message>
        <source>Co-ordinating (phối hợp):</source>
        <translation>Phối hợp:</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Giao</translation>
    </message>
    <message>
        <source>Write the direction.</source>
        <translation>Hãy ghi ý kiến chỉ đạo.</translation>
    </message>
    <message>
        <source>Name who leads the handling.</source>
        <translation>Hãy ghi tên người chủ trì giải quyết.</translation>
    </message>
</context>
<context>
    <name>sen::gui::DocumentForm</name>
    <message>
        <source>Attachments</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>A classified document may not have attachments.</source>
        <translation>Văn bản mật không được có tệp đính kèm.</translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation>Chèn hình ảnh</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
        <translation>Hình ảnh (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</translation>
    </message>
    <message>
        <source>given by the server when saved</source>
        <translation>máy chủ cấp khi lưu</translation>
    </message>
    <message>
        <source>awaiting number (asked for %1)</source>
        <translation>chờ cấp số (đề nghị số %1)</translation>
    </message>
    <message>
        <source>awaiting number</source>
        <translation>chờ cấp số</translation>
    </message>
</context>
<context>
    <name>sen::gui::DocumentPage</name>
    <message>
        <source>Sen has no form to show documents of form “%1”.</source>
        <translation>Sen không có biểu mẫu để hiển thị tài liệu thuộc biểu mẫu “%1”.</translation>
    </message>
    <message>
        <source>The document has been deleted.</source>
        <translation>Tài liệu đã bị xóa.</translation>
    </message>
    <message>
        <source>A %1 does not belong in this database.</source>
        <translation>%1 không thuộc cơ sở dữ liệu này.</translation>
    </message>
    <message>
        <source>A %1 answers a document: open that document and choose New response.</source>
        <translation>%1 phải gắn với một văn bản: hãy mở văn bản đó và chọn Phản hồi mới.</translation>
    </message>
    <message>
        <source>A %1 is not a response.</source>
        <translation>%1 không phải là phản hồi.</translation>
    </message>
    <message>
        <source>The document to answer has been deleted.</source>
        <translation>Văn bản cần phản hồi đã bị xóa.</translation>
    </message>
    <message>
        <source>Open document</source>
        <translation>Mở tài liệu</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Tài liệu mới</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>Lưu và đóng</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>New response</source>
        <translation>Phản hồi mới</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Phản hồi</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Phản hồi</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Tóm tắt</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>%1 mới</translation>
    </message>
    <message>
        <source>Wait until the attachments are stored.</source>
        <translation>Hãy chờ đến khi tệp đính kèm được lưu xong.</translation>
    </message>
    <message>
        <source>Wait until the attachments are stored, then save.</source>
        <translation>Hãy chờ tệp đính kèm được lưu xong rồi mới lưu.</translation>
    </message>
    <message>
        <source>Some fields need attention before saving.</source>
        <translation>Một số trường cần được kiểm tra lại trước khi lưu.</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Xóa tài liệu</translation>
    </message>
    <message>
        <source>Delete “%1”? The deletion replicates to every copy of the database.</source>
        <translation>Xóa “%1”? Việc xóa sẽ được đồng bộ tới mọi bản sao của cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation>Lưu các thay đổi của “%1”?</translation>
    </message>
    <message>
        <source>This document has been deleted.</source>
        <translation>Tài liệu này đã bị xóa.</translation>
    </message>
    <message>
        <source>Replication conflict</source>
        <translation>Xung đột đồng bộ</translation>
    </message>
    <message>
        <source>Take out of this dossier</source>
        <translation>Rút khỏi hồ sơ này</translation>
    </message>
    <message>
        <source>Documents in this dossier</source>
        <translation>Văn bản trong hồ sơ</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Ngày đưa vào</translation>
    </message>
    <message>
        <source>Restore the server&apos;s version</source>
        <translation>Khôi phục bản trên máy chủ</translation>
    </message>
    <message>
        <source>Your version is kept as a draft copy in this computer&apos;s drafts database.</source>
        <translation>Bản của bạn được giữ lại thành bản nháp trong cơ sở dữ liệu bản nháp trên máy này.</translation>
    </message>
    <message>
        <source>The document is not being edited.</source>
        <translation>Văn bản không ở chế độ sửa.</translation>
    </message>
    <message>
        <source>Change refused by the server: %1</source>
        <translation>Máy chủ từ chối thay đổi: %1</translation>
    </message>
    <message>
        <source>Save or discard your changes before restoring the server&apos;s version.</source>
        <translation>Hãy lưu hoặc bỏ các thay đổi trước khi khôi phục bản trên máy chủ.</translation>
    </message>
    <message>
        <source>Your version is kept as a draft in “%1”. The server&apos;s version arrives with the next synchronisation.</source>
        <translation>Bản của bạn được giữ lại thành bản nháp trong “%1”. Bản trên máy chủ sẽ về trong lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>The server&apos;s version arrives with the next synchronisation.</source>
        <translation>Bản trên máy chủ sẽ về trong lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Not registered: this document is registered already.</source>
        <translation>Chưa vào sổ: văn bản này đã được vào sổ trước đó.</translation>
    </message>
    <message>
        <source>Already registered</source>
        <translation>Văn bản đã vào sổ</translation>
    </message>
    <message>
        <source>This document seems to be registered already: %1, %2.

The same issuer, number, symbol and date issued. Register it again?</source>
        <translation>Văn bản này dường như đã được vào sổ: %1, %2.

Cùng cơ quan ban hành, số, ký hiệu và ngày ban hành. Vẫn vào sổ lần nữa?</translation>
    </message>
    <message>
        <source>Register anyway</source>
        <translation>Vẫn vào sổ</translation>
    </message>
    <message>
        <source>Print table of contents…</source>
        <translation>In mục lục văn bản…</translation>
    </message>
    <message>
        <source>A %1 cannot answer this document.</source>
        <translation>Không thể tạo %1 trả lời văn bản này.</translation>
    </message>
    <message>
        <source>Print processing slip…</source>
        <translation>In phiếu giải quyết…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <source>Edit or read</source>
        <translation>Sửa hoặc đọc</translation>
    </message>
</context>
<context>
    <name>sen::gui::DocumentPreview</name>
    <message>
        <source>This document has been deleted.</source>
        <translation>Tài liệu này đã bị xóa.</translation>
    </message>
    <message>
        <source>Replication conflict: this version lost to a concurrent edit and is kept so nothing is lost.</source>
        <translation>Xung đột đồng bộ: phiên bản này bị thay thế bởi một lần sửa đồng thời và được giữ lại để không mất dữ liệu.</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Các trường khác</translation>
    </message>
    <message>
        <source>not downloaded yet</source>
        <translation>chưa tải về</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>awaiting number (asked for %1)</source>
        <translation>chờ cấp số (đề nghị số %1)</translation>
    </message>
    <message>
        <source>awaiting number</source>
        <translation>chờ cấp số</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Sổ đăng ký</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Tác giả: %1</translation>
    </message>
</context>
<context>
    <name>sen::gui::FieldEditor</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Choose a date</source>
        <translation>Chọn ngày</translation>
    </message>
    <message>
        <source>dd/mm/yyyy hh:mm</source>
        <translation>dd/mm/yyyy hh:mm</translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation>hh:mm</translation>
    </message>
    <message>
        <source>Names separated by ;</source>
        <translation>Các tên cách nhau bởi dấu ;</translation>
    </message>
    <message>
        <source>Write a number.</source>
        <translation>Hãy nhập một số.</translation>
    </message>
    <message>
        <source>Write the date as dd/mm/yyyy.</source>
        <translation>Hãy nhập ngày theo dạng dd/mm/yyyy (ngày/tháng/năm).</translation>
    </message>
    <message>
        <source>Write the date as dd/mm/yyyy hh:mm.</source>
        <translation>Hãy nhập ngày giờ theo dạng dd/mm/yyyy hh:mm.</translation>
    </message>
    <message>
        <source>For example 14:00, 14h, 14h30 or 1400</source>
        <translation>Ví dụ 14:00, 14h, 14h30 hoặc 1400</translation>
    </message>
    <message>
        <source>Write the time as hh:mm (14:00, 14h30).</source>
        <translation>Hãy nhập giờ theo dạng hh:mm (14:00, 14h30).</translation>
    </message>
</context>
<context>
    <name>sen::gui::FollowUpPrintDialog</name>
    <message>
        <source>Print follow-up register</source>
        <translation>In sổ theo dõi giải quyết văn bản đến</translation>
    </message>
    <message>
        <source>Only the documents overdue (báo cáo văn bản quá hạn)</source>
        <translation>Chỉ các văn bản quá hạn (báo cáo văn bản quá hạn)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến ngày</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Xem trước…</translation>
    </message>
    <message>
        <source>Arrived from:</source>
        <translation>Văn bản đến từ ngày:</translation>
    </message>
    <message>
        <source>Deadlines as of:</source>
        <translation>Tính hạn đến ngày:</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Ngày kết thúc ở trước ngày bắt đầu.</translation>
    </message>
</context>
<context>
    <name>sen::gui::IndexProgress</name>
    <message>
        <source>Indexing the database… The first opening of a large database takes a few seconds.</source>
        <translation>Đang lập chỉ mục cơ sở dữ liệu… Lần mở đầu tiên một cơ sở dữ liệu lớn sẽ mất vài giây.</translation>
    </message>
    <message>
        <source>Building the view “%1”… It opens as soon as it is ready (%2 of %3 views ready).</source>
        <translation>Đang lập chỉ mục khung nhìn “%1”… Khung nhìn sẽ mở ngay khi sẵn sàng (đã sẵn sàng %2/%3 khung nhìn).</translation>
    </message>
    <message>
        <source>Building the other views of this database: %1 of %2 ready. Each opens as soon as it is built.</source>
        <translation>Đang lập chỉ mục các khung nhìn khác của cơ sở dữ liệu này: đã sẵn sàng %1/%2. Mỗi khung nhìn mở được ngay khi lập xong.</translation>
    </message>
</context>
<context>
    <name>sen::gui::InvitationDetailsDialog</name>
    <message>
        <source>Attending %1 · Delegating %2 · Not attending %3 · No reply %4</source>
        <translation>Tham dự %1 · Cử người thay %2 · Không tham dự %3 · Chưa trả lời %4</translation>
    </message>
    <message>
        <source>Invitation and replies</source>
        <translation>Giấy mời và trả lời</translation>
    </message>
    <message>
        <source>Invitee</source>
        <translation>Người được mời</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Trả lời</translation>
    </message>
    <message>
        <source>Replied by</source>
        <translation>Người trả lời</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Trả lời…</translation>
    </message>
    <message>
        <source>This entry invites nobody from the directory.</source>
        <translation>Mục lịch này không mời ai trong danh bạ.</translation>
    </message>
    <message>
        <source>No reply yet</source>
        <translation>Chưa trả lời</translation>
    </message>
    <message>
        <source>Also named (not in the directory, not asked to reply): %1</source>
        <translation>Thành phần khác (ngoài danh bạ, không cần trả lời): %1</translation>
    </message>
    <message>
        <source>Only those the entry invites reply.</source>
        <translation>Chỉ người được mời mới trả lời.</translation>
    </message>
</context>
<context>
    <name>sen::gui::LoginDialog</name>
    <message>
        <source>Sen — Log in</source>
        <translation>Sen — Đăng nhập</translation>
    </message>
    <message>
        <source>Open your ID file with its password.</source>
        <translation>Mở tệp ID của bạn bằng mật khẩu.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>ID file:</source>
        <translation>Tệp ID:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Choose your ID file</source>
        <translation>Chọn tệp ID của bạn</translation>
    </message>
    <message>
        <source>ID files (*.id);;All files (*)</source>
        <translation>Tệp ID (*.id);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Opening the ID…</source>
        <translation>Đang mở tệp ID…</translation>
    </message>
    <message>
        <source>Choose an ID file and type its password.</source>
        <translation>Hãy chọn tệp ID và nhập mật khẩu.</translation>
    </message>
</context>
<context>
    <name>sen::gui::MainWindow</name>
    <message>
        <source>Sen — %1</source>
        <translation>Sen — %1</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Không gian làm việc</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Người dùng: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Switch ID…</source>
        <translation>Đổi &amp;ID…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About Sen</source>
        <translation>&amp;Giới thiệu Sen</translation>
    </message>
    <message>
        <source>About Sen</source>
        <translation>Giới thiệu Sen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sen %1&lt;/b&gt;&lt;p&gt;Replicated document, schedule and news databases for offices whose network cannot be counted on.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Sen %1&lt;/b&gt;&lt;p&gt;Các cơ sở dữ liệu văn bản, lịch công tác và tin tức được nhân bản, dành cho các cơ quan có kết nối mạng không ổn định.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Đang làm việc ngoại tuyến</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>Syncing %1</source>
        <translation>Đang đồng bộ %1</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>&amp;Replication</source>
        <translation>Đồng &amp;bộ</translation>
    </message>
    <message>
        <source>&amp;Replication page</source>
        <translation>&amp;Trang đồng bộ</translation>
    </message>
    <message>
        <source>&amp;Add replica from a server…</source>
        <translation>Thêm &amp;bản sao từ máy chủ…</translation>
    </message>
    <message>
        <source>Work &amp;offline</source>
        <translation>&amp;Làm việc ngoại tuyến</translation>
    </message>
    <message>
        <source>Stopping replication…</source>
        <translation>Đang dừng đồng bộ…</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>Đổi &amp;mật khẩu…</translation>
    </message>
    <message>
        <source>The ID password was changed.</source>
        <translation>Đã đổi mật khẩu của tệp ID.</translation>
    </message>
    <message>
        <source>The last sync reached %1.</source>
        <translation>Lần đồng bộ gần nhất đã kết nối được tới %1.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Ngoại tuyến</translation>
    </message>
    <message>
        <source>The last sync failed: %1</source>
        <translation>Lần đồng bộ gần nhất không thành công: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Chưa đồng bộ</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Đồng bộ &amp;ngay</translation>
    </message>
    <message>
        <source>Sync the database of the current tab, or every database (F9)</source>
        <translation>Đồng bộ cơ sở dữ liệu của thẻ đang mở, hoặc mọi cơ sở dữ liệu (F9)</translation>
    </message>
    <message>
        <source>Sync &amp;all now</source>
        <translation>Đồng bộ &amp;tất cả ngay</translation>
    </message>
    <message>
        <source>The new language applies from the next start of Sen. Restart now?</source>
        <translation>Ngôn ngữ mới được áp dụng từ lần khởi động Sen tiếp theo. Khởi động lại ngay?</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Khởi động lại ngay</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Sen could not start again: start it yourself.</source>
        <translation>Sen không tự khởi động lại được: hãy mở lại Sen.</translation>
    </message>
    <message>
        <source>Sen — my work</source>
        <translation>Sen — việc của tôi</translation>
    </message>
    <message>
        <source>Reading your work…</source>
        <translation>Đang tải danh sách việc…</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>và %n việc khác</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sen::gui::MyWorkModel</name>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Nội dung việc</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>New · %1</source>
        <translation>Mới · %1</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… và %1 việc khác</translation>
    </message>
</context>
<context>
    <name>sen::gui::MyWorkPage</name>
    <message>
        <source>&lt;b&gt;My work&lt;/b&gt;</source>
        <translation>&lt;b&gt;Việc của tôi&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>%1 assigned · %2 awaiting your opinion · &lt;span style=&quot;color:#c62828&quot;&gt;%3 overdue&lt;/span&gt; · &lt;span style=&quot;color:#b26a00&quot;&gt;%4 due soon&lt;/span&gt;</source>
        <translation>%1 việc được giao · %2 chờ ý kiến · &lt;span style=&quot;color:#c62828&quot;&gt;%3 quá hạn&lt;/span&gt; · &lt;span style=&quot;color:#b26a00&quot;&gt;%4 sắp đến hạn&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 registrations not presented in time</source>
        <translation>%1 văn bản đến chưa trình đúng hạn</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>%1 mới</translation>
    </message>
</context>
<context>
    <name>sen::gui::NameChoiceDialog</name>
    <message>
        <source>Who is meant?</source>
        <translation>Ý bạn là ai?</translation>
    </message>
    <message>
        <source>“%1” in %2 could be any of these. Choose the one you mean:</source>
        <translation>“%1” ở trường %2 có thể là một trong những người sau. Hãy chọn đúng người:</translation>
    </message>
    <message>
        <source>Not saved: choose who is meant.</source>
        <translation>Chưa lưu: hãy chọn đúng người cần ghi.</translation>
    </message>
</context>
<context>
    <name>sen::gui::NamePicker</name>
    <message>
        <source>Choose from the address book…</source>
        <translation>Chọn từ danh bạ…</translation>
    </message>
    <message>
        <source>Choose from the address book</source>
        <translation>Chọn từ danh bạ</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (group)</source>
        <translation>%1 (nhóm)</translation>
    </message>
    <message>
        <source>%1 (role)</source>
        <translation>%1 (vai trò)</translation>
    </message>
    <message>
        <source>%1 (everyone in the unit)</source>
        <translation>%1 (mọi người trong đơn vị)</translation>
    </message>
</context>
<context>
    <name>sen::gui::NamePickerDialog</name>
    <message>
        <source>Address book</source>
        <translation>Danh bạ</translation>
    </message>
    <message>
        <source>Search people, groups, roles and units (no accents needed)</source>
        <translation>Tìm người, nhóm, vai trò, đơn vị (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <source>Tick the people, groups, roles or units to add:</source>
        <translation>Đánh dấu người, nhóm, vai trò hoặc đơn vị cần thêm:</translation>
    </message>
</context>
<context>
    <name>sen::gui::NewDatabaseDialog</name>
    <message>
        <source>New local database</source>
        <translation>Cơ sở dữ liệu cục bộ mới</translation>
    </message>
    <message>
        <source>letters, digits, - _ .</source>
        <translation>chữ cái, chữ số, - _ .</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Tên tệp:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tiêu đề:</translation>
    </message>
    <message>
        <source>A database kept only on this computer until it is replicated.</source>
        <translation>Cơ sở dữ liệu chỉ lưu trên máy này cho đến khi được tạo bản sao lên máy chủ.</translation>
    </message>
    <message>
        <source>Choose a file name of letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, not starting with &apos;.&apos;.</source>
        <translation>Hãy chọn tên tệp gồm chữ cái, chữ số, &apos;-&apos;, &apos;_&apos; và &apos;.&apos;, không bắt đầu bằng &apos;.&apos;.</translation>
    </message>
</context>
<context>
    <name>sen::gui::NewsReaderView</name>
    <message>
        <source>News: %1</source>
        <translation>Tin tức: %1</translation>
    </message>
    <message>
        <source>Read the news</source>
        <translation>Đọc tin</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Tin trước</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Tin sau</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Đánh dấu đã đọc tất cả</translation>
    </message>
    <message>
        <source>Mark every article of this category read</source>
        <translation>Đánh dấu đã đọc mọi tin bài của chuyên mục này</translation>
    </message>
    <message>
        <source>Newer articles</source>
        <translation>Tin mới hơn</translation>
    </message>
    <message>
        <source>Older articles</source>
        <translation>Tin cũ hơn</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n tin bài</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n chưa đọc</numerusform>
        </translation>
    </message>
    <message>
        <source>All news</source>
        <translation>Tất cả tin</translation>
    </message>
    <message>
        <source>Scheduled %1</source>
        <translation>Hẹn đăng %1</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>No articles</source>
        <translation>Chưa có tin bài</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <source>Not published yet: readers see this article from %1.</source>
        <translation>Chưa đăng: người đọc thấy tin bài này từ %1.</translation>
    </message>
    <message>
        <source>Draft: readers do not see this article until it has a publication date.</source>
        <translation>Bản nháp: người đọc chưa thấy tin bài này cho đến khi có ngày đăng.</translation>
    </message>
    <message>
        <source>This article is no longer in the database.</source>
        <translation>Tin bài này không còn trong cơ sở dữ liệu.</translation>
    </message>
</context>
<context>
    <name>sen::gui::PageModes</name>
    <message>
        <source>Editing — Ctrl+S saves, Ctrl+E returns to reading.</source>
        <translation>Đang sửa — Ctrl+S để lưu, Ctrl+E để trở về chế độ đọc.</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Đã lưu lúc %1.</translation>
    </message>
</context>
<context>
    <name>sen::gui::PdfViewer</name>
    <message>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <source>Fit the page to the width of the pane</source>
        <translation>Co giãn trang cho vừa chiều rộng khung</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <source>Open with another program</source>
        <translation>Mở bằng chương trình khác</translation>
    </message>
    <message>
        <source>Open the file with the program the system uses for PDF files</source>
        <translation>Mở tệp bằng chương trình mà hệ thống dùng cho tệp PDF</translation>
    </message>
    <message>
        <source>Synchronise to download it</source>
        <translation>Đồng bộ để tải về</translation>
    </message>
    <message>
        <source>“%1” cannot be shown: the file is damaged or is not a PDF. Try opening it with another program, or ask the sender for it again.</source>
        <translation>Không hiển thị được “%1”: tệp bị hỏng hoặc không phải là tệp PDF. Hãy thử mở bằng chương trình khác, hoặc đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <source>“%1” has not been downloaded to this computer yet: this copy of the database holds summaries only.</source>
        <translation>“%1” chưa được tải về máy này: bản sao cơ sở dữ liệu này chỉ giữ phần tóm tắt.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
</context>
<context>
    <name>sen::gui::PresentDialog</name>
    <message>
        <source>Present to the leaders</source>
        <translation>Trình lãnh đạo</translation>
    </message>
    <message>
        <source>Present to:</source>
        <translation>Trình:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Trình</translation>
    </message>
    <message>
        <source>Name the leaders the document is presented to.</source>
        <translation>Hãy ghi tên lãnh đạo được trình văn bản.</translation>
    </message>
</context>
<context>
    <name>sen::gui::ProcessingPane</name>
    <message>
        <source>in progress</source>
        <translation>đang xử lý</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hoàn thành</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>trả lại</translation>
    </message>
    <message>
        <source>Presented to %1</source>
        <translation>Trình %1</translation>
    </message>
    <message>
        <source>Direction of the agency&apos;s leadership: %1</source>
        <translation>Ý kiến của lãnh đạo cơ quan: %1</translation>
    </message>
    <message>
        <source>Direction of the unit&apos;s head: %1</source>
        <translation>Ý kiến của lãnh đạo đơn vị: %1</translation>
    </message>
    <message>
        <source>lead: %1</source>
        <translation>chủ trì: %1</translation>
    </message>
    <message>
        <source>co-ordinating: %1</source>
        <translation>phối hợp: %1</translation>
    </message>
    <message>
        <source>deadline %1</source>
        <translation>hạn %1</translation>
    </message>
    <message>
        <source>Report as lead (%1): %2</source>
        <translation>Báo cáo của người chủ trì (%1): %2</translation>
    </message>
    <message>
        <source>Report as co-ordinator (%1): %2</source>
        <translation>Báo cáo của người phối hợp (%1): %2</translation>
    </message>
    <message>
        <source>Reply: %1</source>
        <translation>Văn bản trả lời: %1</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Giải quyết văn bản</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Present to the leaders…</source>
        <translation>Trình lãnh đạo…</translation>
    </message>
    <message>
        <source>Give direction…</source>
        <translation>Cho ý kiến chỉ đạo…</translation>
    </message>
    <message>
        <source>Assign onward…</source>
        <translation>Giao tiếp…</translation>
    </message>
    <message>
        <source>Report progress…</source>
        <translation>Báo cáo tiến độ…</translation>
    </message>
    <message>
        <source>Deadline %1</source>
        <translation>Hạn giải quyết %1</translation>
    </message>
    <message>
        <source>to be presented by %1</source>
        <translation>hạn trình %1</translation>
    </message>
    <message>
        <source>%1 — overdue</source>
        <translation>%1 — quá hạn</translation>
    </message>
    <message>
        <source>%1 — due soon</source>
        <translation>%1 — sắp đến hạn</translation>
    </message>
    <message>
        <source>Registered; not presented yet.</source>
        <translation>Đã vào sổ; chưa trình.</translation>
    </message>
</context>
<context>
    <name>sen::gui::RegisterPrintDialog</name>
    <message>
        <source>Print register</source>
        <translation>In sổ đăng ký</translation>
    </message>
    <message>
        <source>Register of incoming documents</source>
        <translation>Sổ đăng ký văn bản đến</translation>
    </message>
    <message>
        <source>Register of outgoing documents</source>
        <translation>Sổ đăng ký văn bản đi</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến ngày</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Xem trước…</translation>
    </message>
    <message>
        <source>Register:</source>
        <translation>Sổ:</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Ngày kết thúc ở trước ngày bắt đầu.</translation>
    </message>
</context>
<context>
    <name>sen::gui::ReplicaServersDialog</name>
    <message>
        <source>Servers of the replica</source>
        <translation>Các máy chủ của bản sao</translation>
    </message>
    <message>
        <source>e.g. sen2.hanoi.gov.vn:1352</source>
        <translation>ví dụ sen2.hanoi.gov.vn:1352</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <source>A sync tries these servers in order: when one does not answer, the next. A server that refuses you is reported and the next one is not tried. The first is the home server, which gives register numbers.</source>
        <translation>Khi đồng bộ, Sen thử lần lượt các máy chủ này theo thứ tự: máy chủ nào không trả lời thì chuyển sang máy chủ tiếp theo. Máy chủ nào từ chối bạn thì Sen báo lỗi và không thử máy chủ tiếp theo. Máy chủ đầu tiên là máy chủ chính, nơi cấp số văn bản trong sổ.</translation>
    </message>
    <message>
        <source>%1 (home server)</source>
        <translation>%1 (máy chủ chính)</translation>
    </message>
</context>
<context>
    <name>sen::gui::ReplicationModel</name>
    <message>
        <source>Only when asked</source>
        <translation>Chỉ khi yêu cầu</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Mỗi giờ</translation>
    </message>
    <message>
        <source>Every 4 hours</source>
        <translation>4 giờ một lần</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation>
            <numerusform>%n phút một lần</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message numerus="yes">
        <source>Receiving: %n documents</source>
        <translation>
            <numerusform>Đang nhận: %n tài liệu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending: %n documents</source>
        <translation>
            <numerusform>Đang gửi: %n tài liệu</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>chưa bao giờ</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <source>OK: %1 received, %2 sent, %3 refused</source>
        <translation>Thành công: nhận %1, gửi %2, bị từ chối %3</translation>
    </message>
    <message>
        <source>OK: %1 received, %2 sent</source>
        <translation>Thành công: nhận %1, gửi %2</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Đã dừng</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Thất bại</translation>
    </message>
    <message>
        <source>Changes not sent</source>
        <translation>Có thay đổi chưa gửi</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Server / database</source>
        <translation>Máy chủ / CSDL</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Đồng bộ gần nhất</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Unsent</source>
        <translation>Chưa gửi</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Lịch đồng bộ</translation>
    </message>
    <message>
        <source>Servers, in the order a sync tries them:</source>
        <translation>Các máy chủ, theo thứ tự thử khi đồng bộ:</translation>
    </message>
    <message numerus="yes">
        <source>(+%n other servers)</source>
        <translation>
            <numerusform>(+%n máy chủ khác)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sen::gui::ReplicationPage</name>
    <message>
        <source>Working offline</source>
        <translation>Đang làm việc ngoại tuyến</translation>
    </message>
    <message>
        <source>Sen is set to work offline. Connect to the server anyway for this sync?</source>
        <translation>Sen đang được đặt ở chế độ làm việc ngoại tuyến. Vẫn kết nối tới máy chủ cho lần đồng bộ này?</translation>
    </message>
    <message>
        <source>Sync all</source>
        <translation>Đồng bộ tất cả</translation>
    </message>
    <message>
        <source>Add replica…</source>
        <translation>Thêm bản sao…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Làm việc ngoại tuyến</translation>
    </message>
    <message>
        <source>Sync by itself:</source>
        <translation>Tự động đồng bộ:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Refused edits</source>
        <translation>Thay đổi bị từ chối</translation>
    </message>
    <message>
        <source>Select a replica to see its history.</source>
        <translation>Chọn một bản sao để xem lịch sử đồng bộ.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Lịch đồng bộ</translation>
    </message>
    <message>
        <source>Restore the server&apos;s version</source>
        <translation>Khôi phục bản trên máy chủ</translation>
    </message>
    <message>
        <source>Your version is kept as a draft copy in this computer&apos;s drafts database.</source>
        <translation>Bản của bạn được giữ lại thành bản nháp trong cơ sở dữ liệu bản nháp trên máy này.</translation>
    </message>
    <message>
        <source>Choose a refused edit first.</source>
        <translation>Hãy chọn một thay đổi bị từ chối trước.</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Gói thay đổi</translation>
    </message>
    <message>
        <source>Carry changes on a USB stick when there is no link to the server</source>
        <translation>Mang thay đổi bằng USB khi không có kết nối tới máy chủ</translation>
    </message>
    <message>
        <source>Servers…</source>
        <translation>Máy chủ…</translation>
    </message>
    <message>
        <source>The servers this replica syncs with, in order</source>
        <translation>Các máy chủ mà bản sao này đồng bộ, theo thứ tự</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Máy chủ</translation>
    </message>
</context>
<context>
    <name>sen::gui::ReplyDialog</name>
    <message>
        <source>Reply to the invitation</source>
        <translation>Trả lời giấy mời</translation>
    </message>
    <message>
        <source>I will attend</source>
        <translation>Tôi tham dự</translation>
    </message>
    <message>
        <source>I will not attend</source>
        <translation>Tôi không tham dự</translation>
    </message>
    <message>
        <source>I send a delegate:</source>
        <translation>Tôi cử người đi thay:</translation>
    </message>
    <message>
        <source>The person who attends in your place</source>
        <translation>Người dự họp thay bạn</translation>
    </message>
    <message>
        <source>Optional, e.g. arriving late</source>
        <translation>Không bắt buộc, ví dụ: đến muộn</translation>
    </message>
    <message>
        <source>You are invited as a member of %1; your reply answers for it.</source>
        <translation>Bạn được mời với tư cách thành viên của %1; trả lời của bạn là trả lời cho %1.</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Trả lời:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Gửi trả lời</translation>
    </message>
    <message>
        <source>Name the person you send in your place.</source>
        <translation>Hãy ghi tên người bạn cử đi thay.</translation>
    </message>
</context>
<context>
    <name>sen::gui::ReportDialog</name>
    <message>
        <source>Report progress</source>
        <translation>Báo cáo tiến độ</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <source>Number and symbol of the reply, if any</source>
        <translation>Số, ký hiệu văn bản trả lời (nếu có)</translation>
    </message>
    <message>
        <source>On the direction:</source>
        <translation>Về ý kiến chỉ đạo:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Tình trạng:</translation>
    </message>
    <message>
        <source>Report or proposal:</source>
        <translation>Báo cáo, đề xuất:</translation>
    </message>
    <message>
        <source>Reply:</source>
        <translation>Văn bản trả lời:</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Choose the direction the report is on.</source>
        <translation>Hãy chọn ý kiến chỉ đạo được báo cáo.</translation>
    </message>
    <message>
        <source>Write the report.</source>
        <translation>Hãy ghi nội dung báo cáo.</translation>
    </message>
</context>
<context>
    <name>sen::gui::RichTextEditor</name>
    <message>
        <source>B</source>
        <comment>bold</comment>
        <translation>B</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Đậm</translation>
    </message>
    <message>
        <source>I</source>
        <comment>italic</comment>
        <translation>I</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Nghiêng</translation>
    </message>
    <message>
        <source>U</source>
        <comment>underline</comment>
        <translation>U</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>Gạch chân</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• Danh sách</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Danh sách gạch đầu dòng</translation>
    </message>
    <message>
        <source>1. List</source>
        <translation>1. Danh sách</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Danh sách đánh số</translation>
    </message>
    <message>
        <source>Insert image…</source>
        <translation>Chèn hình ảnh…</translation>
    </message>
</context>
<context>
    <name>sen::gui::SearchBar</name>
    <message>
        <source>e.g. 15/QĐ-UBND</source>
        <translation>VD: 15/QĐ-UBND</translation>
    </message>
    <message>
        <source>e.g. UBND tỉnh</source>
        <translation>VD: UBND tỉnh</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Số, ký hiệu:</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>&amp;Cơ quan ban hành:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Đế&amp;n ngày:</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>Cơ sở dữ liệu này</translation>
    </message>
    <message>
        <source>All databases</source>
        <translation>Mọi cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>&amp;In:</source>
        <translation>Tìm tr&amp;ong:</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>%1 (all databases)</source>
        <translation>%1 (mọi cơ sở dữ liệu)</translation>
    </message>
</context>
<context>
    <name>sen::gui::SearchResultsModel</name>
    <message>
        <source>Matches</source>
        <translation>Đoạn khớp</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Number and symbol</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>Trích yếu</translation>
    </message>
</context>
<context>
    <name>sen::gui::StepDialog</name>
    <message>
        <source>Names separated by &apos;;&apos;</source>
        <translation>Các tên cách nhau bằng dấu ‘;’</translation>
    </message>
    <message>
        <source>People, groups or roles, e.g. Nguyễn Văn A/VPHU/HaNoi; [LanhDao]</source>
        <translation>Người, nhóm hoặc vai trò, ví dụ Nguyễn Văn A/VPHU/HaNoi; [LanhDao]</translation>
    </message>
</context>
<context>
    <name>sen::gui::ViewModel</name>
    <message>
        <source>Replication conflict: a version that lost to the document above. Open it to compare and keep what is needed.</source>
        <translation>Xung đột đồng bộ: phiên bản bị thay thế bởi tài liệu ở trên. Hãy mở ra để so sánh và giữ lại nội dung cần thiết.</translation>
    </message>
</context>
<context>
    <name>sen::gui::ViewNavigator</name>
    <message>
        <source>All documents</source>
        <translation>Tất cả tài liệu</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation>Tìm kiếm: %1</translation>
    </message>
</context>
<context>
    <name>sen::gui::WeekScheduleView</name>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ Tuần trước</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Tuần này</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>Tuần sau ▶</translation>
    </message>
    <message>
        <source>Go to the week of this date</source>
        <translation>Đến tuần có ngày này</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Công bố</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Thứ/ngày</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Buổi</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Presiding</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Thành phần</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Work schedule — %1</source>
        <translation>Lịch công tác — %1</translation>
    </message>
    <message>
        <source>Week %1 (%2 – %3) — %4</source>
        <translation>Tuần %1 (%2 – %3) — %4</translation>
    </message>
    <message>
        <source>Attending %1</source>
        <translation>Tham dự %1</translation>
    </message>
    <message>
        <source>Delegating %1</source>
        <translation>Cử người thay %1</translation>
    </message>
    <message>
        <source>Not attending %1</source>
        <translation>Không tham dự %1</translation>
    </message>
    <message>
        <source>No reply %1</source>
        <translation>Chưa trả lời %1</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Trả lời</translation>
    </message>
    <message>
        <source>Replies…</source>
        <translation>Các trả lời…</translation>
    </message>
    <message>
        <source>The invitees of the selected entry and their replies</source>
        <translation>Những người được mời của mục đang chọn và trả lời của họ</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Trả lời…</translation>
    </message>
    <message>
        <source>Answer the invitation: attend, decline or send a delegate</source>
        <translation>Trả lời giấy mời: tham dự, không tham dự hoặc cử người thay</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Thay đổi…</translation>
    </message>
    <message>
        <source>Change the selected entry of the published week (the change is logged)</source>
        <translation>Thay đổi mục đang chọn của lịch tuần đã công bố (thay đổi được ghi nhật ký)</translation>
    </message>
    <message>
        <source>Postpone/Cancel…</source>
        <translation>Hoãn/Hủy…</translation>
    </message>
    <message>
        <source>Postpone or cancel the selected entry (it stays in the week, marked)</source>
        <translation>Hoãn hoặc hủy mục đang chọn (mục vẫn ở trong tuần, có đánh dấu)</translation>
    </message>
    <message>
        <source>Awaiting your reply</source>
        <translation>Chờ bạn trả lời</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Bạn: %1</translation>
    </message>
</context>
<context>
    <name>sen::gui::WorkspaceModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n chưa đọc</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n tài liệu</numerusform>
        </translation>
    </message>
    <message>
        <source>local only</source>
        <translation>chỉ trên máy này</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>chưa đồng bộ lần nào</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>đồng bộ %1</translation>
    </message>
    <message>
        <source>sync failed %1</source>
        <translation>lỗi đồng bộ %1</translation>
    </message>
    <message>
        <source>changes not sent</source>
        <translation>có thay đổi chưa gửi</translation>
    </message>
    <message>
        <source>%1 (%2)
File: %3
Server: %4</source>
        <translation>%1 (%2)
Tệp: %3
Máy chủ: %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>cannot be opened</source>
        <translation>không mở được</translation>
    </message>
    <message>
        <source>%1
File: %2</source>
        <translation>%1
Tệp: %2</translation>
    </message>
    <message>
        <source>%1 to do, %2 overdue</source>
        <translation>%1 việc, %2 quá hạn</translation>
    </message>
    <message>
        <source>%1 to do</source>
        <translation>%1 việc</translation>
    </message>
</context>
<context>
    <name>sen::gui::WorkspacePage</name>
    <message>
        <source>Add replica…</source>
        <translation>Thêm bản sao…</translation>
    </message>
    <message>
        <source>New local database…</source>
        <translation>Tạo cơ sở dữ liệu cục bộ…</translation>
    </message>
    <message>
        <source>Sync all</source>
        <translation>Đồng bộ tất cả</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Tiles</source>
        <translation>Dạng ô</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Sync every database now (F9)</source>
        <translation>Đồng bộ mọi cơ sở dữ liệu ngay (F9)</translation>
    </message>
    <message>
        <source>Properties…</source>
        <translation>Thuộc tính…</translation>
    </message>
    <message>
        <source>The database&apos;s server, schedule and replication history</source>
        <translation>Máy chủ, lịch đồng bộ và lịch sử đồng bộ của cơ sở dữ liệu</translation>
    </message>
</context>
<context>
    <name>sen::schedule</name>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Đã công bố</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Postponed/cancelled</source>
        <translation>Hoãn/Hủy</translation>
    </message>
    <message>
        <source>Attending</source>
        <translation>Tham dự</translation>
    </message>
    <message>
        <source>Not attending</source>
        <translation>Không tham dự</translation>
    </message>
    <message>
        <source>Sending a delegate</source>
        <translation>Cử người thay</translation>
    </message>
</context>
<context>
    <name>sen::views</name>
    <message>
        <source>Incoming by date</source>
        <translation>Văn bản đến theo ngày</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Ngày đến</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số đến</translation>
    </message>
    <message>
        <source>Number and symbol</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Outgoing by date</source>
        <translation>Văn bản đi theo ngày</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <source>By type</source>
        <translation>Theo loại văn bản</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>Theo trạng thái</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>Người xử lý</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>Giao cho tôi</translation>
    </message>
    <message>
        <source>All by date</source>
        <translation>Tất cả theo ngày</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Buổi</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Presiding</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>Theo tuần</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Tuần</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>Theo tháng</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>By date</source>
        <translation>Theo ngày</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Ngày đăng</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Tóm tắt</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>Theo chuyên mục</translation>
    </message>
    <message>
        <source>(Not categorised)</source>
        <translation>(Chưa phân loại)</translation>
    </message>
    <message>
        <source>Week %1: %2 – %3</source>
        <translation>Tuần %1: %2 – %3</translation>
    </message>
    <message>
        <source>Month %1/%2</source>
        <translation>Tháng %1/%2</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Dossier number and symbol</source>
        <translation>Số và ký hiệu hồ sơ</translation>
    </message>
    <message>
        <source>Dossier title</source>
        <translation>Tiêu đề hồ sơ</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Thời hạn bảo quản</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Ngày mở hồ sơ</translation>
    </message>
    <message>
        <source>Duplicate registrations</source>
        <translation>Trùng văn bản</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>awaiting number</source>
        <translation>chờ cấp số</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>Sổ đăng ký văn bản</translation>
    </message>
    <message>
        <source>Register name</source>
        <translation>Tên sổ</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Classified</source>
        <translation>Mật</translation>
    </message>
    <message>
        <source>Numbers start again</source>
        <translation>Đánh số lại từ 1 mỗi</translation>
    </message>
    <message>
        <source>Catalogues</source>
        <translation>Các danh mục</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Thứ tự</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Abbreviation</source>
        <translation>Viết tắt</translation>
    </message>
    <message>
        <source>Identifier code</source>
        <translation>Mã định danh</translation>
    </message>
    <message>
        <source>No longer offered</source>
        <translation>Ngừng sử dụng</translation>
    </message>
    <message>
        <source>Days off and make-up days</source>
        <translation>Ngày nghỉ, ngày làm bù</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>The day is</source>
        <translation>Ngày này</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>sen::web</name>
    <message>
        <source>Categories</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>No articles yet.</source>
        <translation>Chưa có tin bài nào.</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>Mới hơn</translation>
    </message>
    <message>
        <source>Page %1/%2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Cũ hơn</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>Presiding</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Thành phần</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Chuẩn bị</translation>
    </message>
    <message>
        <source>Office leader serving</source>
        <translation>LĐVP phục vụ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Reason for postponing/cancelling</source>
        <translation>Lý do hoãn/hủy</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Nội dung thay đổi</translation>
    </message>
    <message>
        <source>Work schedule, week %1 (%2 – %3)</source>
        <translation>Lịch công tác tuần %1 (%2 – %3)</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Tuần</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Tuần trước</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Tuần này</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Tuần sau</translation>
    </message>
    <message>
        <source>Download the schedule (iCalendar)</source>
        <translation>Tải lịch (iCalendar)</translation>
    </message>
    <message>
        <source>This week&apos;s work schedule has not been published yet.</source>
        <translation>Lịch công tác tuần này chưa được công bố.</translation>
    </message>
    <message>
        <source>Published on %1</source>
        <translation>Công bố ngày %1</translation>
    </message>
    <message>
        <source>Day/date</source>
        <translation>Thứ/ngày</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Buổi</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Sáng</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Chiều</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Tin tức</translation>
    </message>
    <message>
        <source>Work schedule</source>
        <translation>Lịch công tác</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>chỉ đọc</translation>
    </message>
    <message>
        <source>Use the site password issued by the IT centre (not your ID file&apos;s password).</source>
        <translation>Dùng mật khẩu trang tin do Trung tâm CNTT cấp (không phải mật khẩu tệp ID).</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên người dùng</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Back to the front page</source>
        <translation>Về trang chủ</translation>
    </message>
    <message>
        <source>Latest news</source>
        <translation>Tin mới</translation>
    </message>
    <message>
        <source>Weekly work schedule</source>
        <translation>Lịch công tác tuần</translation>
    </message>
    <message>
        <source>Sign-in required</source>
        <translation>Cần đăng nhập</translation>
    </message>
    <message>
        <source>This page is only for signed-in users.</source>
        <translation>Trang này chỉ dành cho người dùng đã đăng nhập.</translation>
    </message>
    <message>
        <source>No access</source>
        <translation>Không có quyền truy cập</translation>
    </message>
    <message>
        <source>Your account may not read this database. Contact the IT centre if you need to read it.</source>
        <translation>Tài khoản của bạn không được phép đọc cơ sở dữ liệu này. Hãy liên hệ Trung tâm CNTT nếu bạn cần quyền đọc.</translation>
    </message>
    <message>
        <source>Not supported</source>
        <translation>Không hỗ trợ</translation>
    </message>
    <message>
        <source>The site is read-only.</source>
        <translation>Trang tin chỉ cho phép đọc.</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>Tên người dùng hoặc mật khẩu không đúng.</translation>
    </message>
    <message>
        <source>Temporarily unreadable</source>
        <translation>Tạm thời không đọc được</translation>
    </message>
    <message>
        <source>The server could not read the database yet. Please try again later.</source>
        <translation>Máy chủ chưa đọc được cơ sở dữ liệu. Vui lòng thử lại sau.</translation>
    </message>
    <message>
        <source>Page not found</source>
        <translation>Không tìm thấy trang</translation>
    </message>
    <message>
        <source>The page you are looking for does not exist, has been removed, or you may not see it.</source>
        <translation>Trang bạn tìm không có, đã bị gỡ, hoặc bạn không được phép xem.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins. Please try again in %n minute(s).</source>
        <translation>
            <numerusform>Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau %n phút.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sen::workflow</name>
    <message>
        <source>Registered</source>
        <translation>Đã vào sổ</translation>
    </message>
    <message>
        <source>Presented</source>
        <translation>Đã trình</translation>
    </message>
    <message>
        <source>Directed</source>
        <translation>Đã cho ý kiến</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Trả lại</translation>
    </message>
</context>
</TS>
