// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace ProcViz {

/// Lines a person types into a worker (the chat panel writes them to its standard input), taken as they come:
/// the owner polls fd() and calls readLines() when it is readable. A line is whole once its '\n' has arrived.
class ChatInput
{
public:
    /// Reads @p fd; -1 for a worker that takes no input.
    explicit ChatInput(int fd);

    int fd() const { return m_fd; }
    /// Worth polling: there is an input, its end has not been read, and the owner still listens.
    bool isOpen() const { return m_open; }
    /// The owner stops listening (it has nothing more to send).
    void close() { m_open = false; }

    /// One read() of what has arrived: the lines it completes, trimmed, empty ones left out. At end of input, or
    /// on an error, the input closes.
    QList<QByteArray> readLines();

private:
    const int m_fd;
    bool m_open;
    QByteArray m_partial; ///< the start of a line whose '\n' has not arrived yet
};

} // namespace ProcViz
