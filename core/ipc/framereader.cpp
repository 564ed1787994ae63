// SPDX-License-Identifier: GPL-3.0-or-later
#include "framereader.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace ProcViz {

namespace {
constexpr qsizetype HeaderBytes = sizeof(FrameHeader);
}

FrameReader::FrameReader(int fd)
    : m_fd(fd)
{
    m_buffer.reserve(2 * ReadBytes);
}

bool FrameReader::readMore()
{
    discardHandled(); // the views handed out end here anyway
    const auto kept = m_buffer.size();
    m_buffer.resize(kept + ReadBytes); // read straight into the buffer, behind what is kept
    ssize_t got;
    while ((got = ::read(m_fd, m_buffer.data() + kept, size_t(ReadBytes))) < 0 && errno == EINTR) { }
    m_buffer.resize(kept + std::max<qsizetype>(got, 0));
    return got > 0;
}

bool FrameReader::next(FrameHeader* header, QByteArrayView* payload)
{
    // Not hasWholeFrame(): that would copy the header out a second time for every message.
    const auto left = m_buffer.size() - m_handled;
    if (left < HeaderBytes)
        return false;
    std::memcpy(header, m_buffer.constData() + m_handled, sizeof *header);
    if (left - HeaderBytes < qsizetype(header->bytes))
        return false;
    *payload = QByteArrayView(m_buffer).sliced(m_handled + HeaderBytes, header->bytes);
    m_handled += HeaderBytes + header->bytes;
    return true;
}

void FrameReader::discardHandled()
{
    if (m_handled == 0)
        return;
    // What is left moves to the front by hand: QByteArray::remove() would move where the data starts instead,
    // and the next read's resize() would then allocate a new 64 KiB buffer (a duplex peer reads a few frames at a
    // time, so that would be a malloc every few messages).
    const auto kept = m_buffer.size() - m_handled;
    std::memmove(m_buffer.data(), m_buffer.constData() + m_handled, size_t(kept));
    m_buffer.resize(kept);
    m_handled = 0;
}

bool FrameReader::hasWholeFrame() const
{
    const auto left = m_buffer.size() - m_handled;
    if (left < HeaderBytes)
        return false;
    FrameHeader header;
    std::memcpy(&header, m_buffer.constData() + m_handled, sizeof header);
    return left - HeaderBytes >= qsizetype(header.bytes);
}

} // namespace ProcViz
