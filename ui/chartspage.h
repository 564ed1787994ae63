// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QGridLayout;
class QLabel;
class QPushButton;

namespace ProcViz {

class ChatPanel;
class CpuChart;
class FollowState;
class LiveChart;
class ProgressChart;
class RunModel;
class StateTimeline;

/// The live charts of a run: progress and state timeline on top, CPU and the scenario's own chart below,
/// the PAUSED banner over them and the "follow live" switch.
class ChartsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ChartsPage(QWidget* parent = nullptr);

    void setModel(const RunModel* model);
    /// Swaps the scenario's own chart (none for a scenario without one).
    void setScenario(const QString& id);
    void restart(); ///< a run begins
    void refresh(); ///< take in everything now (when a run ends)
    void setPaused(bool paused);

    ProgressChart* progress() const { return m_progress; }
    StateTimeline* timeline() const { return m_timeline; }
    CpuChart* cpu() const { return m_cpu; }
    QWidget* scenarioPanel() const { return m_scenarioPanel; }
    FollowState* follow() const { return m_follow; }

Q_SIGNALS:
    /// A line typed into the pipe scenario's chat box.
    void chatLineEntered(const QString& line);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void forEachPanel(const std::function<void(LiveChart*)>& chart, const std::function<void(ChatPanel*)>& chat);
    /// @p chart under a bold title label, which is stored in @p title for retranslate() to fill in.
    static QWidget* titled(QLabel** title, QWidget* chart, QWidget* parent);

    const RunModel* m_model = nullptr;
    FollowState* m_follow = nullptr;
    QLabel* m_pausedBanner = nullptr;
    QPushButton* m_followButton = nullptr;
    ProgressChart* m_progress = nullptr;
    StateTimeline* m_timeline = nullptr;
    CpuChart* m_cpu = nullptr;
    QWidget* m_scenarioPanel = nullptr;
    QWidget* m_scenarioBox = nullptr;
    QString m_scenarioId;
    QLabel* m_progressTitle = nullptr;
    QLabel* m_timelineTitle = nullptr;
    QLabel* m_cpuTitle = nullptr;
    QLabel* m_scenarioTitle = nullptr;
    QGridLayout* m_grid = nullptr;
};

} // namespace ProcViz
