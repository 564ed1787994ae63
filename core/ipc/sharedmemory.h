// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace ProcViz {

/// A POSIX shared-memory segment (shm_open + mmap), visible as /dev/shm/<name> while a run lasts.
///
/// The engine creates it (exclusively, mode 0600, under a per-run unpredictable name) and unlinks it when
/// the run's resources are destroyed; workers attach to it by the name handed over in their environment.
class SharedMemory
{
public:
    /// The environment variable that names the run's segment for the workers.
    static constexpr const char* NameVariable = "PROCVIZ_SHM";
    /// Every ProcViz segment's name starts with this (after the leading slash).
    static constexpr const char* NamePrefix = "procviz-";

    /// Creates a zero-filled segment; nullptr and @p error set on failure.
    static std::unique_ptr<SharedMemory> create(size_t size, QString* error);
    /// Maps an existing segment (in a worker); nullptr and @p error set on failure.
    static std::unique_ptr<SharedMemory> attach(const QString& name, size_t size, QString* error);
    /// In a worker: maps the run's segment named by NameVariable, or explains on stderr and returns nullptr.
    static std::unique_ptr<SharedMemory> attachForWorker(size_t size);
    ~SharedMemory(); ///< unmaps; the creator also unlinks the name

    /// Unlinks segments an earlier ProcViz left behind when it was killed: ProcViz-named, this user's, and
    /// created by a process that no longer exists. Never touches anyone else's objects. Returns their names.
    static QStringList removeStale();

    SharedMemory(const SharedMemory&) = delete;
    SharedMemory& operator=(const SharedMemory&) = delete;

    const QString& name() const { return m_name; } ///< e.g. "/procviz-1234-9f2c..."
    void* data() const { return m_data; }
    size_t size() const { return m_size; }

    template<typename T> T* as() const { return static_cast<T*>(m_data); }

private:
    SharedMemory(QString name, void* data, size_t size, bool owner);

    QString m_name;
    void* m_data;
    size_t m_size;
    bool m_owner;
};

} // namespace ProcViz
