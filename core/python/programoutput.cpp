// SPDX-License-Identifier: GPL-3.0-or-later
#include "programoutput.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace ProcViz {

struct ProgramOutput::Pipe
{
    int readEnd = -1;
    int writeEnd = -1;
    std::unique_ptr<QSocketNotifier> notifier;
    QByteArray partial; ///< the start of a line whose end has not come yet
    QStringList lines;
    int dropped = 0;

    ~Pipe()
    {
        notifier.reset();
        for (int fd : {readEnd, writeEnd}) {
            if (fd >= 0)
                ::close(fd);
        }
    }
};

namespace {
/// Per wake-up while the program runs: a program printing flat out must not hold the engine here.
constexpr int ReadsPerWakeUp = 16;
} // namespace

std::unique_ptr<ProgramOutput> ProgramOutput::create(QString* error)
{
    std::unique_ptr<ProgramOutput> output(new ProgramOutput);
    for (size_t i = 0; i < output->m_pipes.size(); ++i) {
        auto pipe = std::make_unique<Pipe>();
        int ends[2];
        if (pipe2(ends, O_CLOEXEC) != 0) {
            *error = QCoreApplication::translate("ProcViz::ProgramOutput", "Could not create a pipe for the output: %1")
                         .arg(QString::fromLocal8Bit(strerror(errno)));
            return nullptr;
        }
        pipe->readEnd = ends[0];
        pipe->writeEnd = ends[1];
        fcntl(pipe->readEnd, F_SETFL, fcntl(pipe->readEnd, F_GETFL) | O_NONBLOCK);
        pipe->notifier = std::make_unique<QSocketNotifier>(pipe->readEnd, QSocketNotifier::Read);
        const auto stream = Stream(i);
        connect(pipe->notifier.get(), &QSocketNotifier::activated, output.get(),
            [raw = output.get(), stream] { raw->read(stream, false); });
        output->m_pipes[i] = std::move(pipe);
    }
    return output;
}

ProgramOutput::ProgramOutput() = default;
ProgramOutput::~ProgramOutput() = default;

int ProgramOutput::writeEnd(Stream stream) const
{
    return m_pipes[size_t(stream)]->writeEnd;
}

void ProgramOutput::closeWriteEnds()
{
    for (auto& pipe : m_pipes) {
        if (pipe->writeEnd >= 0)
            ::close(pipe->writeEnd);
        pipe->writeEnd = -1;
    }
}

void ProgramOutput::drain()
{
    for (size_t i = 0; i < m_pipes.size(); ++i)
        read(Stream(i), true);
}

const QStringList& ProgramOutput::lines(Stream stream) const
{
    return m_pipes[size_t(stream)]->lines;
}

int ProgramOutput::droppedLines(Stream stream) const
{
    return m_pipes[size_t(stream)]->dropped;
}

void ProgramOutput::read(Stream stream, bool toTheEnd)
{
    auto& pipe = *m_pipes[size_t(stream)];
    if (pipe.readEnd < 0)
        return;
    char buffer[16 * 1024];
    for (int round = 0; toTheEnd || round < ReadsPerWakeUp; ++round) {
        const ssize_t size = ::read(pipe.readEnd, buffer, sizeof buffer);
        if (size < 0 && errno == EINTR)
            continue;
        if (size <= 0) {
            if (size == 0 || errno != EAGAIN) { // every writer gone: what is left is the last line
                if (!pipe.partial.isEmpty())
                    keep(stream, std::exchange(pipe.partial, {}));
                pipe.notifier.reset();
                ::close(pipe.readEnd);
                pipe.readEnd = -1;
            }
            return;
        }
        pipe.partial.append(buffer, size);
        qsizetype newline;
        while ((newline = pipe.partial.indexOf('\n')) >= 0) {
            keep(stream, pipe.partial.left(newline));
            pipe.partial.remove(0, newline + 1);
        }
        if (pipe.partial.size() > MaxLineLength)
            keep(stream, std::exchange(pipe.partial, {}));
    }
}

void ProgramOutput::keep(Stream stream, const QByteArray& bytes)
{
    auto& pipe = *m_pipes[size_t(stream)];
    const QString line = QString::fromUtf8(bytes.left(MaxLineLength));
    pipe.lines.append(line);
    if (pipe.lines.size() > MaxLines) {
        pipe.lines.removeFirst();
        ++pipe.dropped;
    }
    Q_EMIT lineRead(stream, line);
}

} // namespace ProcViz
