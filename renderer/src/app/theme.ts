import { createTheme, Drawer, Modal, NavLink, Notification } from '@mantine/core';

/**
 * The theme, where colour contrast is fixed once for every component: Mantine's default dimmed
 * text (gray-6, #868e96) is 3.3:1 on white and white on indigo-6 (#4c6ef5) 4.2:1, both below
 * WCAG AA's 4.5:1. Dimmed text uses gray-7 (#495057, 8.2:1), filled controls use shade 8 of their
 * colour in light mode (white on indigo-8 #3b5bdb is 6.0:1), and light badges get a darker text.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  autoContrast: true,
  luminanceThreshold: 0.4,
  components: {
    // The × of dialogs gets an accessible name.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // Every notification's × (including @mantine/notifications' toasts) says what it closes.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
    }),
    // The current area as white on the primary colour: the light variant's tint is 4.1:1.
    NavLink: NavLink.extend({ defaultProps: { variant: 'filled' } }),
  },
});
