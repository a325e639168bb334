<!DOCTYPE html>
<html>
<body>
<?php
$tainted = $_SERVER['QUERY_STRING'];
echo "<div>" . $tainted . "</div>";
?>
</body>
</html>
