// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatpanel.h"

#include "livechart.h"
#include "model/runmodel.h"
#include "panelregistry.h"
#include "scenario/scenario.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ProcViz {

ChatPanel::ChatPanel(const Scenario& scenario, QWidget* parent)
    : QWidget(parent)
    , m_scenario(scenario)
    , m_transcript(new QTextBrowser(this))
    , m_input(new QLineEdit(this))
    , m_send(new QPushButton(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_transcript->setObjectName(QStringLiteral("chatTranscript"));
    QFont larger = font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15);
    m_transcript->setFont(larger);
    layout->addWidget(m_transcript, 1);
    auto* row = new QHBoxLayout;
    m_input->setObjectName(QStringLiteral("chatInput"));
    m_send->setObjectName(QStringLiteral("chatSend"));
    row->addWidget(m_input, 1);
    row->addWidget(m_send);
    layout->addLayout(row);
    connect(m_input, &QLineEdit::returnPressed, this, &ChatPanel::send);
    connect(m_send, &QPushButton::clicked, this, &ChatPanel::send);
    m_timer.setInterval(LiveChart::RefreshIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ChatPanel::onTick);
    retranslate();
}

void ChatPanel::retranslate()
{
    m_send->setText(tr("Send through the pipe"));
    m_input->setPlaceholderText(tr("Type a message for the sender to write into the pipe while it runs"));
}

void ChatPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // The transcript names its speakers in the language of the moment: write it out again.
        restart();
        onTick();
    }
}

void ChatPanel::setModel(const RunModel* model)
{
    m_model = model;
    restart();
}

void ChatPanel::restart()
{
    m_transcript->clear();
    m_seenEvents = 0;
    m_seenStartNs = -1;
    if (m_model)
        m_timer.start();
}

void ChatPanel::refresh()
{
    onTick();
}

QString ChatPanel::transcript() const
{
    return m_transcript->toPlainText();
}

void ChatPanel::send()
{
    const QString line = m_input->text().trimmed();
    if (line.isEmpty())
        return;
    if (m_sink)
        m_sink(line);
    m_input->clear();
}

void ChatPanel::onTick()
{
    if (!m_model || m_model->scenarioId() != m_scenario.id())
        return; // no run yet, or the last one of another scenario
    if (m_model->startNs() != m_seenStartNs) {
        m_transcript->clear();
        m_seenEvents = 0;
        m_seenStartNs = m_model->startNs();
    }
    const auto& events = m_model->events();
    for (qsizetype i = m_seenEvents; i < events.size(); ++i) {
        const auto& event = events.at(i);
        QString who = tr("engine");
        if (event.workerId >= 0 && event.workerId < m_model->workers().size()) {
            const auto& worker = m_model->workers().at(event.workerId);
            // The speaker in the reader's language; what it did ("sent #2") is the worker's own log line.
            who = tr("%1 · PID %2").arg(m_scenario.roleLabel(worker.role, worker.index)).arg(worker.pid);
        }
        m_transcript->append(tr("<b>%1 s</b> &nbsp; %2: %3")
                                 .arg(double(event.timeNs) / 1e9, 0, 'f', 2)
                                 .arg(who.toHtmlEscaped(), event.text.toHtmlEscaped()));
    }
    m_seenEvents = events.size();
    if (m_model->endNs() >= 0)
        m_timer.stop();
}

} // namespace ProcViz

PROCVIZ_REGISTER_PANEL(chatpanel, ProcViz::PanelSpec::Chat, ProcViz::ChatPanel)
