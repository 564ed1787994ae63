// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedmemory.h"

#include <QDir>
#include <QRandomGenerator>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace ProcViz {

namespace {
QString systemError(const char* what, int error)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(strerror(error)));
}

void* mapShared(int fd, size_t size)
{
    void* data = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    return data == MAP_FAILED ? nullptr : data;
}
} // namespace

std::unique_ptr<SharedMemory> SharedMemory::create(size_t size, QString* error)
{
    // Unpredictable, so no other user can create it first or guess it; O_EXCL refuses an existing one.
    const auto name = QStringLiteral("/%1%2-%3")
                          .arg(QLatin1String(NamePrefix))
                          .arg(getpid())
                          .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    const QByteArray path = name.toLocal8Bit();
    const int fd = shm_open(path.constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = systemError("shm_open", errno);
        return nullptr;
    }
    void* data = ftruncate(fd, off_t(size)) == 0 ? mapShared(fd, size) : nullptr;
    const int mapError = errno;
    ::close(fd);
    if (!data) {
        shm_unlink(path.constData());
        *error = systemError("creating shared memory", mapError);
        return nullptr;
    }
    return std::unique_ptr<SharedMemory>(new SharedMemory(name, data, size, true));
}

std::unique_ptr<SharedMemory> SharedMemory::attach(const QString& name, size_t size, QString* error)
{
    const int fd = shm_open(name.toLocal8Bit().constData(), O_RDWR | O_CLOEXEC, 0);
    if (fd < 0) {
        *error = systemError("shm_open", errno);
        return nullptr;
    }
    void* data = mapShared(fd, size);
    const int mapError = errno;
    ::close(fd);
    if (!data) {
        *error = systemError("mmap", mapError);
        return nullptr;
    }
    return std::unique_ptr<SharedMemory>(new SharedMemory(name, data, size, false));
}

std::unique_ptr<SharedMemory> SharedMemory::attachForWorker(size_t size)
{
    QString error;
    auto memory = attach(qEnvironmentVariable(NameVariable), size, &error);
    if (!memory)
        std::fprintf(stderr, "procviz-worker: the run's shared memory: %s\n", qPrintable(error));
    return memory;
}

QStringList SharedMemory::removeStale()
{
    QStringList removed;
    const QDir shm(QStringLiteral("/dev/shm"));
    const auto prefix = QLatin1String(NamePrefix);
    for (const auto& info : shm.entryInfoList({prefix + QLatin1Char('*')}, QDir::Files | QDir::System)) {
        // Names are procviz-<creator pid>-<random>; anything else with the prefix is not ours to judge.
        const auto parts = info.fileName().mid(prefix.size()).split(QLatin1Char('-'));
        bool isPid = false;
        const auto creator = parts.value(0).toLongLong(&isPid);
        if (parts.size() != 2 || !isPid || creator <= 0 || info.ownerId() != getuid())
            continue;
        if (::kill(pid_t(creator), 0) == 0 || errno != ESRCH)
            continue; // its creator still runs (or is someone we may not signal): leave it
        if (shm_unlink((QLatin1Char('/') + info.fileName()).toLocal8Bit().constData()) == 0)
            removed.append(info.fileName());
    }
    return removed;
}

SharedMemory::SharedMemory(QString name, void* data, size_t size, bool owner)
    : m_name(std::move(name))
    , m_data(data)
    , m_size(size)
    , m_owner(owner)
{ }

SharedMemory::~SharedMemory()
{
    munmap(m_data, m_size);
    if (m_owner)
        shm_unlink(m_name.toLocal8Bit().constData());
}

} // namespace ProcViz
