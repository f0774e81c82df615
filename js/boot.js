/* Two Hats boot: runs before the first paint. The page arrives prerendered in its default
   state; when the address asks for another, keep it hidden until the app has applied it,
   so the reader never sees the wrong state flash by. */
if (location.search.length > 1) document.documentElement.classList.add('twohats-pending');
