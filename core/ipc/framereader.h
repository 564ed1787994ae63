// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frameheader.h"

#include <QByteArray>
#include <QByteArrayView>

namespace ProcViz {

/// The receiving side of FrameWriter: reads what has arrived on a descriptor, many frames at a time, and hands
/// them out one by one. A frame whose end has not arrived yet waits in the buffer for the next read.
class FrameReader
{
public:
    static constexpr qsizetype ReadBytes = 64 * 1024;

    explicit FrameReader(int fd);

    /// One read() of what has arrived (it blocks on a blocking descriptor with nothing to read). False at end of
    /// file, or when the other side is gone (ECONNRESET).
    bool readMore();
    /// The next whole frame: its header, and its payload, valid until the next readMore() or discardHandled().
    /// False when the buffer holds no whole frame.
    bool next(FrameHeader* header, QByteArrayView* payload);
    /// Drops the frames next() has handed out. Once per batch: once per frame would copy the rest of a 64 KiB
    /// read again for each 40-byte message.
    void discardHandled();

    bool hasWholeFrame() const;

private:
    const int m_fd;
    QByteArray m_buffer;
    qsizetype m_handled = 0; ///< bytes at the front that next() has handed out
};

} // namespace ProcViz
