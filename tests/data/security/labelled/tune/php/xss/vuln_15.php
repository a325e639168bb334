<?php
$page = $_GET['page'];
if (is_string($page)) {
    echo "<li>page " . $page . "</li>";
}
