// Applies the reader's chosen theme before the page paints. A file of the site, never inline.
(function () {
  try {
    var theme = localStorage.getItem("verity-theme");
    if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
  } catch (e) {}
})();
