// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListWidget>

namespace ProcViz {

class ScenarioItemDelegate;

/// Every scenario compiled in: an icon, its title and its one-line summary. Selecting one (mouse or
/// arrow keys) emits scenarioSelected().
class ScenarioList : public QListWidget
{
    Q_OBJECT
public:
    explicit ScenarioList(QWidget* parent = nullptr);

    QString currentScenario() const;
    bool selectScenario(const QString& id);

    /// Titles only, the summaries left to the tooltips (presentation mode sets it).
    void setCompact(bool compact);
    bool isCompact() const;

Q_SIGNALS:
    void scenarioSelected(const QString& id);

protected:
    void changeEvent(QEvent* event) override;

private:
    /// Title, summary and tooltip of each entry, in the current language.
    void retranslate();
    static QIcon makeIcon(const QString& id, int position);

    ScenarioItemDelegate* m_delegate;
};

} // namespace ProcViz
