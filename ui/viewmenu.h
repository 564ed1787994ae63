// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

namespace ProcViz {

class PresentationMode;
class ThemeSwitcher;

/// View: presentation mode, the theme, what the charts show (the hand-offs), and the presenter's keys listed
/// so a teacher can find them.
/// Re-sets every text (its own and its actions') when the language changes.
class ViewMenu : public QMenu
{
    Q_OBJECT
public:
    ViewMenu(PresentationMode* presentation, ThemeSwitcher* themes, QWidget* parent);

    void retranslate();
    /// Show Hand-offs: checkable, on at first; the window connects it to the timeline.
    QAction* handoffsAction() const { return m_handoffs; }

protected:
    void changeEvent(QEvent* event) override;

private:
    PresentationMode* m_presentation;
    ThemeSwitcher* m_themes;
    QMenu* m_themeMenu;
    QAction* m_handoffs;
};

} // namespace ProcViz
