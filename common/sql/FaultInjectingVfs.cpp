#include "common/sql/FaultInjectingVfs.h"

#include <atomic>
#include <cstring>
#include <mutex>
#include <sqlite3.h>

namespace sen::sql {

namespace {

std::atomic<std::int64_t> g_writes{0};
std::atomic<std::int64_t> g_failAt{0}; // 0: disarmed
std::atomic<bool> g_sticky{false};
std::atomic<bool> g_fired{false};
std::atomic<int> g_faultCode{SQLITE_IOERR_WRITE};

sqlite3_vfs* g_base = nullptr;

// Our file object: SQLite allocates szOsFile bytes; the real file follows our header.
struct FaultFile
{
    sqlite3_file base;
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

FaultFile* cast(sqlite3_file* f)
{
    return reinterpret_cast<FaultFile*>(f);
}

int shouldFail()
{
    const std::int64_t n = ++g_writes;
    const std::int64_t at = g_failAt.load();
    if (at > 0 && (n == at || (g_sticky.load() && n > at))) {
        g_fired = true;
        return g_faultCode.load();
    }
    return SQLITE_OK;
}

int xClose(sqlite3_file* f)
{
    sqlite3_file* real = cast(f)->real();
    const int rc = real->pMethods ? real->pMethods->xClose(real) : SQLITE_OK;
    return rc;
}
int xRead(sqlite3_file* f, void* buf, int amt, sqlite3_int64 off)
{
    sqlite3_file* r = cast(f)->real();
    return r->pMethods->xRead(r, buf, amt, off);
}
int xWrite(sqlite3_file* f, const void* buf, int amt, sqlite3_int64 off)
{
    if (const int rc = shouldFail(); rc != SQLITE_OK)
        return rc;
    sqlite3_file* r = cast(f)->real();
    return r->pMethods->xWrite(r, buf, amt, off);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size)
{
    sqlite3_file* r = cast(f)->real();
    return r->pMethods->xTruncate(r, size);
}
int xSync(sqlite3_file* f, int flags)
{
    sqlite3_file* r = cast(f)->real();
    return r->pMethods->xSync(r, flags);
}
int xFileSize(sqlite3_file* f, sqlite3_int64* size)
{
    sqlite3_file* r = cast(f)->real();
    return r->pMethods->xFileSize(r, size);
}
int xLock(sqlite3_file* f, int level)
{
    sqlite3_file* r = cast(f)->real();
    return r->pMethods->xLock(r, level);
}
int xUnlock(sqlite3_file* f, int level)
{
    sqlite3_file* r = cast(f)->real();
    return r->pMethods->xUnlock(r, level);
}
int xCheckReservedLock(sqlite3_file* f, int* out)
{
    sqlite3_file* r = cast(f)->real();
    return r->pMethods->xCheckReservedLock(r, out);
}
int xFileControl(sqlite3_file* f, int op, void* arg)
{
    sqlite3_file* r = cast(f)->real();
    return r->pMethods->xFileControl(r, op, arg);
}
int xSectorSize(sqlite3_file* f)
{
    sqlite3_file* r = cast(f)->real();
    return r->pMethods->xSectorSize(r);
}
int xDeviceCharacteristics(sqlite3_file* f)
{
    sqlite3_file* r = cast(f)->real();
    return r->pMethods->xDeviceCharacteristics(r);
}
int xShmMap(sqlite3_file* f, int pg, int sz, int extend, void volatile** p)
{
    sqlite3_file* r = cast(f)->real();
    return r->pMethods->xShmMap(r, pg, sz, extend, p);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags)
{
    sqlite3_file* r = cast(f)->real();
    return r->pMethods->xShmLock(r, offset, n, flags);
}
void xShmBarrier(sqlite3_file* f)
{
    sqlite3_file* r = cast(f)->real();
    r->pMethods->xShmBarrier(r);
}
int xShmUnmap(sqlite3_file* f, int deleteFlag)
{
    sqlite3_file* r = cast(f)->real();
    return r->pMethods->xShmUnmap(r, deleteFlag);
}

// Version 2 of the I/O methods: WAL needs the shared-memory calls; mmap (v3) stays off.
const sqlite3_io_methods kMethods = {
    2,
    xClose,
    xRead,
    xWrite,
    xTruncate,
    xSync,
    xFileSize,
    xLock,
    xUnlock,
    xCheckReservedLock,
    xFileControl,
    xSectorSize,
    xDeviceCharacteristics,
    xShmMap,
    xShmLock,
    xShmBarrier,
    xShmUnmap,
    nullptr,
    nullptr,
};

int vfsOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags)
{
    FaultFile* ff = cast(file);
    std::memset(ff->real(), 0, static_cast<std::size_t>(g_base->szOsFile));
    const int rc = g_base->xOpen(g_base, name, ff->real(), flags, outFlags);
    // SQLite calls xClose only when pMethods is set, so leave it null on failure.
    ff->base.pMethods = (rc == SQLITE_OK) ? &kMethods : nullptr;
    return rc;
}

int vfsDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    return g_base->xDelete(g_base, name, syncDir);
}
int vfsAccess(sqlite3_vfs*, const char* name, int flags, int* out)
{
    return g_base->xAccess(g_base, name, flags, out);
}
int vfsFullPathname(sqlite3_vfs*, const char* name, int n, char* out)
{
    return g_base->xFullPathname(g_base, name, n, out);
}
void* vfsDlOpen(sqlite3_vfs*, const char* name)
{
    return g_base->xDlOpen(g_base, name);
}
void vfsDlError(sqlite3_vfs*, int n, char* out)
{
    g_base->xDlError(g_base, n, out);
}
void (*vfsDlSym(sqlite3_vfs*, void* handle, const char* sym))(void)
{
    return g_base->xDlSym(g_base, handle, sym);
}
void vfsDlClose(sqlite3_vfs*, void* handle)
{
    g_base->xDlClose(g_base, handle);
}
int vfsRandomness(sqlite3_vfs*, int n, char* out)
{
    return g_base->xRandomness(g_base, n, out);
}
int vfsSleep(sqlite3_vfs*, int us)
{
    return g_base->xSleep(g_base, us);
}
int vfsCurrentTime(sqlite3_vfs*, double* out)
{
    return g_base->xCurrentTime(g_base, out);
}
int vfsGetLastError(sqlite3_vfs*, int n, char* out)
{
    return g_base->xGetLastError ? g_base->xGetLastError(g_base, n, out) : 0;
}
int vfsCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out)
{
    return g_base->xCurrentTimeInt64(g_base, out);
}

sqlite3_vfs g_vfs;

} // namespace

Status FaultInjectingVfs::install()
{
    static std::once_flag once;
    static int result = SQLITE_OK;
    std::call_once(once, [] {
        g_base = sqlite3_vfs_find(nullptr);
        if (!g_base || g_base->iVersion < 2) {
            result = SQLITE_ERROR;
            return;
        }
        g_vfs = sqlite3_vfs{};
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_base->szOsFile;
        g_vfs.mxPathname = g_base->mxPathname;
        g_vfs.zName = name;
        g_vfs.xOpen = vfsOpen;
        g_vfs.xDelete = vfsDelete;
        g_vfs.xAccess = vfsAccess;
        g_vfs.xFullPathname = vfsFullPathname;
        g_vfs.xDlOpen = vfsDlOpen;
        g_vfs.xDlError = vfsDlError;
        g_vfs.xDlSym = vfsDlSym;
        g_vfs.xDlClose = vfsDlClose;
        g_vfs.xRandomness = vfsRandomness;
        g_vfs.xSleep = vfsSleep;
        g_vfs.xCurrentTime = vfsCurrentTime;
        g_vfs.xGetLastError = vfsGetLastError;
        g_vfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
        result = sqlite3_vfs_register(&g_vfs, 0);
    });
    if (result != SQLITE_OK)
        return Status(ErrorCode::Internal, QStringLiteral("could not register the fault-injecting VFS"));
    return Status::ok();
}

void FaultInjectingVfs::failWrite(std::int64_t n, Fault fault, bool sticky)
{
    g_writes = 0;
    g_fired = false;
    g_sticky = sticky;
    g_faultCode = fault == Fault::DiskFull ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    g_failAt = n;
}

void FaultInjectingVfs::reset()
{
    g_failAt = 0;
    g_writes = 0;
    g_sticky = false;
    g_fired = false;
}

std::int64_t FaultInjectingVfs::writesSeen()
{
    return g_writes.load();
}

bool FaultInjectingVfs::fired()
{
    return g_fired.load();
}

} // namespace sen::sql
