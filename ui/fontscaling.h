// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace ProcViz {

/// Multiplies the font of @p window, and of each widget inside it that set a font of its own (a bold heading,
/// a larger result), by @p factor; the rest inherit the change. Call it again with 1/factor to undo.
///
/// The explicit fonts change first, then the window's: a widget that derives its children's fonts from its
/// own on QEvent::FontChange (the charts, the result panel) redoes them from the new size and arrives at
/// the same sizes, so nothing is scaled twice. Windows of their own (menus, dialogs) keep their fonts.
void scaleFonts(QWidget* window, double factor);

} // namespace ProcViz
