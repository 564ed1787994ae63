// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace ProcViz {

class RunModel;

/// The pipe scenario's chat: what each process sent and received (PID, time, message number and size), and a
/// box to type a line that the sending process really writes into the pipe.
class ChatPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChatPanel(QWidget* parent = nullptr);

    void setModel(const RunModel* model);
    void restart();
    void refresh();
    QString transcript() const;

Q_SIGNALS:
    /// The user asked for @p line to go through the pipe.
    void lineEntered(const QString& line);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onTick();
    void send();

    const RunModel* m_model = nullptr;
    QTextBrowser* m_transcript = nullptr;
    QLineEdit* m_input = nullptr;
    QPushButton* m_send = nullptr;
    QTimer m_timer;
    qsizetype m_seenEvents = 0;
    qint64 m_seenStartNs = -1;
};

} // namespace ProcViz
