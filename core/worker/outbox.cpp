// SPDX-License-Identifier: GPL-3.0-or-later
#include "outbox.h"

#include <charconv>
#include <iterator>

namespace ProcViz {

Outbox::Outbox(const QList<QByteArray>& script, std::int64_t count, const QByteArray& signature, std::int64_t sendMs)
    : m_signature(signature)
    , m_size(count > 0 ? count : script.size())
    , m_generated(count > 0)
    , m_pause(sendMs)
{
    if (!m_generated) {
        m_script.reserve(script.size());
        for (const auto& message : script)
            m_script.append(signature + message);
    }
}

QByteArrayView Outbox::takeScript(std::int64_t nowNs)
{
    const auto i = m_next++;
    m_pause.begin(nowNs);
    if (!m_generated)
        return m_script.at(i);
    const auto end = std::to_chars(m_generatedText + GeneratedPrefix, std::end(m_generatedText), i + 1).ptr;
    return QByteArrayView(m_generatedText, end - m_generatedText);
}

void Outbox::answer(QByteArrayView greeting)
{
    m_replies.append(m_signature + "re " + greeting.toByteArray());
}

} // namespace ProcViz
