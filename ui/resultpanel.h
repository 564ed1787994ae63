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
    /// Shows @p model's verdict; the panel reads it again after a language change, so it must outlive the
    /// panel or be followed by clear().
    void showResult(const RunModel& model);

    /// The text shown, without markup: what a test or a screen reader gets.
    QString plainText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void render(const RunModel& model);
    QString modesTable(const RunModel& model) const;
    QString outcomeLine(const RunModel& model) const;
    QString checksList(const RunModel& model) const;
    void applyFont();
    void retranslate();

    const RunModel* m_model = nullptr; ///< the run shown, until clear()
    QString m_language; ///< the language the checks of the run shown were written in
    QLabel* m_modes = nullptr;
    QLabel* m_checks = nullptr;
};

} // namespace ProcViz
