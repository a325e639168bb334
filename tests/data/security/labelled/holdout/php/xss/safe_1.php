<!DOCTYPE html>
<html>
<body>
<?php
$tainted = $_SERVER['QUERY_STRING'];
$tainted = htmlspecialchars($tainted, ENT_QUOTES);
echo "<div>" . $tainted . "</div>";
?>
</body>
</html>
