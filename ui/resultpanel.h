// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace ProcViz {

class RunModel;

/// The checks panel: the verdict of a finished run, read-only. For timing each mode's elapsed time and
/// speedup; then the outcome and each check with a pass/fail badge and its numbers.
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
    QString outcomeLine(const RunModel& model) const;
    QString checksList(const RunModel& model) const;
    void applyFont();

    QLabel* m_modes = nullptr;
    QLabel* m_checks = nullptr;
};

} // namespace ProcViz
