# expect: differs
from _impl import LITE

print("<script>alert(1)</script>")
print("<b>bold</b> & co" if not LITE else "<i>italic</i> & co")
