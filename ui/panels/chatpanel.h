// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenariopanel.h"

#include <QTimer>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace ProcViz {

class RunModel;
class Scenario;

/// A run's messages as a chat: what each process sent and received (PID, time, message number and size), each
/// speaker named by its scenario, and a box to type a line that the scenario's input worker (the pipe's
/// sender) really reads and sends on.
class ChatPanel : public QWidget, public ScenarioPanel
{
    Q_OBJECT
public:
    ChatPanel(const Scenario& scenario, QWidget* parent = nullptr);

    QWidget* widget() override { return this; }
    void setModel(const RunModel* model) override;
    void restart() override;
    void refresh() override;
    void setInputSink(InputSink sink) override { m_sink = std::move(sink); }
    QString transcript() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onTick();
    void send();

    const Scenario& m_scenario;
    InputSink m_sink;
    const RunModel* m_model = nullptr;
    QTextBrowser* m_transcript = nullptr;
    QLineEdit* m_input = nullptr;
    QPushButton* m_send = nullptr;
    QTimer m_timer;
    qsizetype m_seenEvents = 0;
    qint64 m_seenStartNs = -1;
};

} // namespace ProcViz
