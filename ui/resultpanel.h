// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace ProcViz {

class RunModel;

/// The verdict of a finished run, read-only: for each mode its elapsed time and speedup, then the checks.
class ResultPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ResultPanel(QWidget* parent = nullptr);

    /// Back to the hint shown before any run has ended.
    void clear();
    void showResult(const RunModel& model);

    /// The text shown, without markup: what a test or a screen reader gets.
    QString plainText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    QString modesTable(const RunModel& model) const;
    QString checksList(const RunModel& model) const;
    void applyFont();

    QLabel* m_modes = nullptr;
    QLabel* m_checks = nullptr;
};

} // namespace ProcViz
