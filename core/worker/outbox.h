// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pause.h"

#include <QByteArray>
#include <QList>

namespace ProcViz {

/// What one side of the pipe lesson sends next: answers first (duplex), then its script, one message per
/// --send-ms pause. A count run sends generated messages instead ("message 1", "message 2", ...), made in place:
/// an allocation per message would cost as much as sending it.
class Outbox
{
public:
    /// @p script's messages, each signed with @p signature (duplex: "peer 1: "; one way: nothing), with a pause
    /// of @p sendMs after each; or, when @p count > 0, that many generated messages (never signed).
    Outbox(const QList<QByteArray>& script, std::int64_t count, const QByteArray& signature, std::int64_t sendMs);

    /// Script messages in all (generated ones in a count run).
    std::int64_t scriptSize() const { return m_size; }
    std::int64_t taken() const { return m_next; }
    bool isGenerated() const { return m_generated; }
    bool scriptDone() const { return m_next >= m_size; }
    bool hasReplies() const { return !m_replies.isEmpty(); }
    bool isEmpty() const { return scriptDone() && !hasReplies(); }

    /// A script message is left and the pause after the last one is over.
    bool scriptDue() const { return !scriptDone() && m_pause.isOver(); }
    /// When the next script message is due (CLOCK_MONOTONIC), when one is left.
    std::int64_t scriptDueNs() const { return m_pause.endNs(); }
    /// The next script message, valid until the next call; its pause counts from @p nowNs.
    QByteArrayView takeScript(std::int64_t nowNs);

    /// Queues the answer to @p greeting: "re " and the greeting, signed.
    void answer(QByteArrayView greeting);
    QByteArray takeReply() { return m_replies.takeFirst(); }

private:
    static constexpr int GeneratedPrefix = 8;

    QList<QByteArray> m_script; ///< signed already: a duplex message is signed once, not at each send
    const QByteArray m_signature;
    const std::int64_t m_size;
    const bool m_generated;
    std::int64_t m_next = 0;
    Pause m_pause;
    QList<QByteArray> m_replies;
    char m_generatedText[32] = "message ";
};

} // namespace ProcViz
