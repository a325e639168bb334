<?php
sscanf($_COOKIE['visitor'], "%s", $visitor);
echo "<b>Welcome back $visitor</b>";
