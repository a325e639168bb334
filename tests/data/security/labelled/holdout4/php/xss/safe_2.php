<?php
sscanf($_COOKIE['visits'], "%d", $visits);
echo "<b>Visit number $visits</b>";
