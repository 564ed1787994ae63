// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frameheader.h"

#include <QByteArray>
#include <QByteArrayView>

#include <climits>

namespace ProcViz {

/// Gathers frames that are ready one after another and writes them with one write() of at most PIPE_BUF
/// bytes: a system call per message would cost more than everything else a message costs. A write of at most
/// PIPE_BUF bytes to a pipe is atomic and, on a blocking pipe, a frame never spans two writes: the pipe only
/// holds whole frames, even when the writer dies between two writes.
///
/// The writer never decides alone to hold a frame back: append() writes only when the next frame would not fit,
/// and the owner calls flush() whenever a frame must be seen at once (before it pauses, waits or closes).
class FrameWriter
{
public:
    enum class Status
    {
        Ok, ///< written, or kept for later (a non-blocking descriptor that was full): see isEmpty()
        BrokenPipe, ///< EPIPE or ECONNRESET: nobody reads the other end any more
        Failed, ///< any other error: see error()
    };

    static constexpr qsizetype Capacity = PIPE_BUF;
    static constexpr qsizetype MaxPayload = Capacity - qsizetype(sizeof(FrameHeader));

    explicit FrameWriter(int fd);

    /// Puts a frame behind those gathered, after writing them first when it would not fit. On a failure the
    /// frame is not taken. A non-blocking descriptor may refuse bytes (EAGAIN): they stay, the frame goes behind
    /// them, and the buffer grows past Capacity until flush() is called again (each write() stays within Capacity).
    Status append(const FrameHeader& header, QByteArrayView payload);
    /// Writes everything gathered: all of it on a blocking descriptor; on a non-blocking one as much as it takes
    /// now (isEmpty() tells whether something is left, to write when poll() says POLLOUT).
    Status flush();

    bool isEmpty() const { return m_buffer.isEmpty(); }
    qsizetype pendingBytes() const { return m_buffer.size(); }
    /// The errno of the last failure.
    int error() const { return m_error; }

private:
    const int m_fd;
    QByteArray m_buffer;
    int m_error = 0;
};

} // namespace ProcViz
